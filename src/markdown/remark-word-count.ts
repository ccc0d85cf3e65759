import type { Root } from "mdast";
import type { VFile } from "vfile";
import { countWords } from "../format/reading-time.ts";
import { eachNode } from "./each-node.ts";

declare module "vfile" {
  interface DataMap {
    /** Words in the body as a reader sees it (no Markdown syntax, no URLs). */
    wordCount: number;
  }
}

/** Stores the body's word count in `file.data.wordCount`, for reading time. */
export function remarkWordCount() {
  return (tree: Root, file: VFile) => {
    let words = 0;
    // Text nodes one by one: joining them would glue words across paragraphs.
    eachNode(tree, (node) => {
      if (node.type === "text" || node.type === "inlineCode") words += countWords(node.value);
    });
    file.data.wordCount = words;
  };
}
