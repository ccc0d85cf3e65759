import matter from "gray-matter";
import { parseYamlSource, type YamlSource } from "./yaml-source.ts";

export interface ParsedFrontmatter extends YamlSource {
  body: string;
  /** Body line n is file line n + bodyLineOffset. */
  bodyLineOffset: number;
}

function countNewlines(text: string, end: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/**
 * Splits frontmatter from body with gray-matter and parses the YAML with
 * source positions, so that each problem is reported at its real file line.
 */
export function parseFrontmatter(rawSource: string): ParsedFrontmatter {
  // Files saved on Windows: line positions stay the same with "\n" alone.
  const source = rawSource.includes("\r") ? rawSource.replace(/\r\n?/g, "\n") : rawSource;
  let yaml: YamlSource | undefined;
  let yamlText = "";
  // An options object is always passed: without one gray-matter caches every
  // file it has seen for the life of the process.
  const file = matter(source, {
    excerpt: false,
    engines: {
      yaml: (text: string) => {
        yamlText = text;
        return {};
      },
    },
  });
  if (yamlText) yaml = parseYamlSource(yamlText, countNewlines(source, source.indexOf(yamlText)));
  const bodyLineOffset = countNewlines(source, source.length - file.content.length);
  return {
    data: yaml?.data ?? {},
    errors: yaml?.errors ?? [],
    locate: yaml?.locate ?? (() => ({ line: 1, column: 1 })),
    body: file.content,
    bodyLineOffset,
  };
}
