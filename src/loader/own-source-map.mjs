/**
 * A compiled chunk's source map cut down to the project's own sources.
 *
 * Why: with source maps on, Node decodes a module's whole map when it loads
 * it. The packages bundled into a command (Eleventy, zod, YAML...) would
 * triple the mappings to decode at every start, for stack frames that are
 * read in the packages' own files anyway; our frames (src/, layouts/) keep
 * their TypeScript file and line.
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** Each Base64 digit's value, by character code (-1: not a digit). */
const BASE64_VALUE = Array.from({ length: 128 }, (_, code) => BASE64.indexOf(String.fromCharCode(code)));

/**
 * The map `map` (a source map v3 object) with only the segments that point
 * into a source `isOwn` accepts, its sources and names renumbered; undefined
 * when no segment is left. One pass over the mappings, writing the kept
 * segments as it reads them: a command's chunks hold a few million.
 */
export function ownSourceMap(map, isOwn) {
  const isOwnSource = map.sources.map((source) => isOwn(source));
  const keptSources = new Map();
  const keptNames = new Map();
  const read = [0, 0, 0, 0, 0]; // running fields as read
  const written = [0, 0, 0, 0, 0]; // running fields as written
  const fields = [];
  let out = "";
  let isLineStart = true;
  const { mappings } = map;
  let at = 0;
  while (at <= mappings.length) {
    const end = nextSeparator(mappings, at);
    if (end > at) {
      fields.length = 0;
      decodeVlqsInto(mappings, at, end, fields);
      read[0] += fields[0];
      for (let field = 1; field < fields.length; field++) read[field] += fields[field];
      if (fields.length >= 4 && isOwnSource[read[1]]) {
        const source = keptSources.get(read[1]) ?? keptSources.set(read[1], keptSources.size).get(read[1]);
        const segment = [read[0], source, read[2], read[3]];
        if (fields.length === 5) segment.push(keptNames.get(read[4]) ?? keptNames.set(read[4], keptNames.size).get(read[4]));
        if (!isLineStart) out += ",";
        for (let field = 0; field < segment.length; field++) {
          out += encodeVlq(segment[field] - written[field]);
          written[field] = segment[field];
        }
        isLineStart = false;
      }
    }
    if (mappings[end] === ";" || end >= mappings.length) {
      if (end < mappings.length) out += ";";
      read[0] = 0; // the generated column starts again on each line; the other fields run on
      written[0] = 0;
      isLineStart = true;
    }
    at = end + 1;
  }
  if (keptSources.size === 0) return undefined;
  return {
    version: 3,
    sources: [...keptSources.keys()].map((index) => map.sources[index]),
    names: [...keptNames.keys()].map((index) => map.names[index]),
    mappings: out,
  };
}

function nextSeparator(text, from) {
  let at = from;
  while (at < text.length && text[at] !== "," && text[at] !== ";") at++;
  return at;
}

/** Each generated line's segments, their fields absolute: [column] or [column, source, line, sourceColumn] or [..., name]. */
export function decodeMappings(mappings) {
  const running = [0, 0, 0, 0];
  return mappings.split(";").map((line) => {
    running[0] = 0; // the generated column starts again on each line; the other fields run on
    if (line === "") return [];
    return line.split(",").map((text) => {
      const deltas = decodeVlqs(text);
      return deltas.map((delta, field) => (running[field] = (running[field] ?? 0) + delta));
    });
  });
}

export function encodeMappings(lines) {
  const previous = [0, 0, 0, 0, 0];
  return lines
    .map((segments) => {
      previous[0] = 0;
      return segments
        .map((segment) =>
          segment
            .map((value, field) => {
              const delta = value - previous[field];
              previous[field] = value;
              return encodeVlq(delta);
            })
            .join(""),
        )
        .join(",");
    })
    .join(";");
}

function decodeVlqs(text) {
  const values = [];
  decodeVlqsInto(text, 0, text.length, values);
  return values;
}

function decodeVlqsInto(text, from, to, values) {
  let value = 0;
  let shift = 0;
  for (let at = from; at < to; at++) {
    const digit = BASE64_VALUE[text.charCodeAt(at)] ?? -1;
    if (digit < 0) throw new Error(`not a source map mapping: ${JSON.stringify(text.slice(from, to))}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
}

function encodeVlq(number) {
  let value = number < 0 ? (-number << 1) | 1 : number << 1;
  let text = "";
  do {
    const digit = value & 31;
    value >>>= 5;
    text += BASE64[value > 0 ? digit | 32 : digit];
  } while (value > 0);
  return text;
}
