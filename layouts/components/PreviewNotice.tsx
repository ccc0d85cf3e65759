/** @jsxRuntime automatic @jsxImportSource preact */
import { Time } from "./Time.tsx";

export type PreviewNoticeProps = {
  editUrl?: string;
  isDraft: boolean;
  /** Set when the article is dated in the future: when it goes live. */
  scheduledFor?: Date;
  locale: string;
  timeZone: string;
};

/** Shown in preview builds only: the article's state (draft, scheduled) and a link to edit its source. */
export function PreviewNotice({ editUrl, isDraft, scheduledFor, locale, timeZone }: PreviewNoticeProps) {
  return (
    <div class="preview-notice" data-component="preview-notice">
      {isDraft ? <strong class="preview-notice__draft" data-component="draft-banner">Draft: not published</strong> : null}
      {scheduledFor && !isDraft ? (
        <strong class="preview-notice__draft" data-component="scheduled-banner">
          Scheduled for <Time date={scheduledFor} locale={locale} timeZone={timeZone} />
        </strong>
      ) : null}
      {editUrl ? <a class="preview-notice__edit" data-component="edit-link" href={editUrl}>Edit this article</a> : null}
    </div>
  );
}
