/**
 * WordPress keeps classic-editor posts without paragraph tags and adds them
 * when it shows a post (wpautop): a blank line ends a paragraph, a single
 * line break is a <br>. This does the same, line for line (no line is added
 * or removed, so lines in warnings stay true), and leaves <pre> and blocks
 * that start with a block element or a shortcode alone. Block-editor posts
 * carry their own tags and are not passed here.
 */
const BLOCK_START = /^\s*(<\/?(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|script|video|audio|object|embed)\b|<!--|\[)/i;

export function wpautop(content: string): string {
  const text = content.replace(/\r\n?/g, "\n");
  return text
    .split(/(<pre[\s\S]*?<\/pre>)/i)
    .map((part, index) => (index % 2 === 1 ? part : paragraphs(part)))
    .join("");
}

function paragraphs(text: string): string {
  return text
    .split(/(\n[ \t]*\n(?:[ \t]*\n)*)/)
    .map((block, index) => {
      if (index % 2 === 1 || !block.trim() || BLOCK_START.test(block)) return block;
      const leading = /^\s*/.exec(block)![0];
      const trailing = /\s*$/.exec(block)![0];
      const inner = block.slice(leading.length, block.length - trailing.length).replace(/\n/g, "<br />\n");
      return `${leading}<p>${inner}</p>${trailing}`;
    })
    .join("");
}

/** Block-editor content carries its own paragraph tags inside <!-- wp:... --> comments. */
export function isBlockEditorContent(content: string): boolean {
  return /<!--\s+wp:/.test(content);
}
