/** @jsxRuntime automatic @jsxImportSource preact */
export type PreviewNoticeProps = { editUrl?: string; isDraft: boolean };

/** Shown in preview builds only: the draft state and a link to edit the source. */
export function PreviewNotice({ editUrl, isDraft }: PreviewNoticeProps) {
  return (
    <div class="preview-notice" data-component="preview-notice">
      {isDraft ? <strong class="preview-notice__draft">Draft: not published</strong> : null}
      {editUrl ? <a class="preview-notice__edit" data-component="edit-link" href={editUrl}>Edit this article</a> : null}
    </div>
  );
}
