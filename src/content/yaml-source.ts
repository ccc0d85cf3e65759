import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";

/** Where a problem sits in the source file: 1-based line and column. */
export interface SourcePlace {
  line: number;
  column: number;
}

export interface YamlSource {
  /** The data, with timestamps left as strings (the schemas parse them). */
  data: unknown;
  errors: { message: string; place: SourcePlace }[];
  /**
   * Where the value at `path` is written; with `key`, where its key is. A
   * missing key is reported where its parent key is written.
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): SourcePlace;
}

/**
 * Parses YAML with the `yaml` package's core schema, keeping source positions.
 * `lineOffset` is the number of file lines before the YAML text starts.
 */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeAt = (offset: number): SourcePlace => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors = document.errors.map((error) => ({
    message: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
    place: placeAt(error.pos[0]),
  }));
  const opening: SourcePlace = { line: Math.max(1, lineOffset), column: 1 };

  const locate: YamlSource["locate"] = (path, options = {}) => {
    if (!document.contents) return opening;
    let node: unknown = document.contents;
    let parentKeyPlace = placeAt((node as Node).range![0]);
    let place = parentKeyPlace;
    for (const [index, segment] of path.entries()) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair) return parentKeyPlace;
        const keyPlace = placeAt((pair.key as Node).range![0]);
        if (options.key && index === path.length - 1) return keyPlace;
        parentKeyPlace = keyPlace;
        next = pair.value;
      } else if (node && typeof node === "object" && "items" in node && typeof segment === "number") {
        next = (node as { items: unknown[] }).items[segment];
      }
      if (!next || !(next as Node).range) return place;
      place = placeAt((next as Node).range![0]);
      node = next;
    }
    return place;
  };

  const data = errors.length > 0 ? {} : (document.toJS() ?? {});
  return { data, errors, locate };
}
