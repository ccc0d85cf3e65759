import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import { parseYamlFast } from "./yaml-fast-parse.ts";

/** Where a problem sits in the source file: 1-based line and column. */
export interface SourcePlace {
  line: number;
  column: number;
}

/** A YAML syntax error; `duplicateKey` names the key written twice. */
export interface YamlError {
  message: string;
  place: SourcePlace;
  duplicateKey?: string;
}

export interface YamlSource {
  /** The data, with timestamps left as strings (the schemas parse them). */
  data: unknown;
  errors: YamlError[];
  /**
   * Where the value at `path` is written; with `key`, where its key is. A
   * missing key is reported where its parent key is written.
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean }): SourcePlace;
}

/** Where each node of a YAML document is written, by path: what `locate` reads. Plain data, so it can be cached. */
export interface YamlPlaces {
  /** The first line of the YAML, for a document with no content. */
  opening: SourcePlace;
  root?: PlacedNode;
  /** JSON of the path (["hero", "src"], ["tags", 2]) -> the node there. */
  nodes: Record<string, PlacedNode>;
}

interface PlacedNode {
  kind: "map" | "seq" | "scalar";
  /** Where the value starts; absent for an empty value (`key:` alone). */
  value?: SourcePlace;
  /** Where its key is written, for a map entry. */
  key?: SourcePlace;
}

/** The serialisable result of parsing: data, errors and places. */
export interface ParsedYaml {
  data: unknown;
  errors: YamlError[];
  /** Absent after the fast parse: see `yamlSource`. */
  places?: YamlPlaces;
}

/**
 * Parses YAML with the `yaml` package's core schema, keeping source positions.
 * `lineOffset` is the number of file lines before the YAML text starts.
 */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  return yamlSource(parseYaml(text, lineOffset));
}

/**
 * The data alone, without places, when js-yaml can read it exactly as `yaml`
 * does (a tenth of the time: see `parseYamlFast`); otherwise `parseYaml`,
 * with its errors and places.
 */
export function parseYamlQuickly(text: string, lineOffset = 0): ParsedYaml {
  const fast = parseYamlFast(text);
  return fast ? { data: fast.data, errors: [] } : parseYaml(text, lineOffset);
}

/** Parsing alone, as plain data (see `yamlSource`). */
export function parseYaml(text: string, lineOffset = 0): Required<ParsedYaml> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const placeAt = (offset: number): SourcePlace => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const errors: YamlError[] = document.errors.map((error) => ({
    message: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
    place: placeAt(error.pos[0]),
    ...(error.code === "DUPLICATE_KEY" ? { duplicateKey: keyAt(text, error.pos[0]) } : {}),
  }));
  const places: YamlPlaces = { opening: { line: Math.max(1, lineOffset), column: 1 }, nodes: {} };
  const kindOf = (node: unknown): PlacedNode["kind"] => (isMap(node) ? "map" : isSeq(node) ? "seq" : "scalar");
  const placeNode = (node: unknown, path: readonly PropertyKey[]) => {
    const record = (child: unknown, childPath: PropertyKey[], key?: SourcePlace) => {
      const id = JSON.stringify(childPath);
      if (id in places.nodes) return; // a duplicate key: the first one is where it is written
      const range = child && typeof child === "object" ? (child as Node).range : undefined;
      places.nodes[id] = { kind: kindOf(child), ...(range ? { value: placeAt(range[0]) } : {}), ...(key ? { key } : {}) };
      placeNode(child, childPath);
    };
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && (typeof pair.key.value === "string" || typeof pair.key.value === "number")) {
          record(pair.value, [...path, pair.key.value], placeAt((pair.key as Node).range![0]));
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => record(item, [...path, index]));
    }
  };
  if (document.contents) {
    places.root = { kind: kindOf(document.contents), value: placeAt(document.contents.range![0]) };
    placeNode(document.contents, []);
  }
  const data = errors.length > 0 ? {} : aliasedData(document, errors, placeAt);
  return { data, errors, places };
}

/** The key written at `offset` (up to its colon), without quotes. */
function keyAt(text: string, offset: number): string {
  const written = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+)/.exec(text.slice(offset))?.[1] ?? "";
  return written.trim().replace(/^(["'])(.*)\1$/, "$2");
}

/**
 * The document's data, or an error where an alias cannot be followed: `*x`
 * with no `&x` before it, too many aliases (`yaml` throws when converting
 * either), or one inside the collection it names (the data would contain
 * itself).
 */
function aliasedData(document: Document, errors: ParsedYaml["errors"], placeAt: (offset: number) => SourcePlace): unknown {
  const problem = (message: string) => {
    let offset = 0;
    visit(document, {
      Alias(_, alias, path) {
        const target = alias.resolve(document);
        if (target && !path.includes(target)) return undefined;
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    errors.push({ message, place: placeAt(offset) });
    return {};
  };
  let data: unknown;
  try {
    data = document.toJS() ?? {};
  } catch (error) {
    return problem(String((error as Error).message).split("\n")[0]!);
  }
  return containsItself(data) ? problem("an alias (*name) is inside the list or map its anchor (&name) names") : data;
}

function containsItself(value: unknown, enclosing: object[] = []): boolean {
  if (value === null || typeof value !== "object") return false;
  if (enclosing.includes(value)) return true;
  enclosing.push(value);
  const found = Object.values(value).some((child) => containsItself(child, enclosing));
  enclosing.pop();
  return found;
}

/**
 * `locate` over parsed places: a missing key is reported where its parent key
 * is written. Without places (the fast parse), `findPlaces` parses the YAML
 * again with `yaml` when a place is first asked for: only a problem to report
 * needs one.
 */
export function yamlSource({ data, errors, places: parsedPlaces }: ParsedYaml, findPlaces?: () => YamlPlaces): YamlSource {
  let known = parsedPlaces;
  const placesNow = (): YamlPlaces => {
    if (known) return known;
    if (!findPlaces) throw new Error("YAML parsed without places, and no way given to find them");
    return (known = findPlaces());
  };
  const locate: YamlSource["locate"] = (path, options = {}) => {
    const places = placesNow();
    if (!places.root) return places.opening;
    let parentKeyPlace = places.root.value!;
    let place = parentKeyPlace;
    let kind = places.root.kind;
    for (const [index, segment] of path.entries()) {
      const node = places.nodes[JSON.stringify(path.slice(0, index + 1))];
      if (kind === "map") {
        if (!node) return parentKeyPlace;
        if (options.key && index === path.length - 1) return node.key!;
        parentKeyPlace = node.key!;
      } else if (kind !== "seq" || typeof segment !== "number") {
        return place;
      }
      if (!node?.value) return place;
      place = node.value;
      kind = node.kind;
    }
    return place;
  };
  return { data, errors, locate };
}
