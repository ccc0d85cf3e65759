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
const BASE64_VALUE = new Map([...BASE64].map((character, value) => [character, value]));

/**
 * The map `map` (a source map v3 object) with only the segments that point
 * into a source `isOwn` accepts, its sources and names renumbered; undefined
 * when no segment is left.
 */
export function ownSourceMap(map, isOwn) {
  const keptSources = new Map();
  const keptNames = new Map();
  const lines = decodeMappings(map.mappings).map((segments) =>
    segments.flatMap((segment) => {
      if (segment.length === 1 || !isOwn(map.sources[segment[1]])) return [];
      const source = keptSources.get(segment[1]) ?? keptSources.set(segment[1], keptSources.size).get(segment[1]);
      const kept = [segment[0], source, segment[2], segment[3]];
      if (segment.length === 5) kept.push(keptNames.get(segment[4]) ?? keptNames.set(segment[4], keptNames.size).get(segment[4]));
      return [kept];
    }),
  );
  if (keptSources.size === 0) return undefined;
  return {
    version: 3,
    sources: [...keptSources.keys()].map((index) => map.sources[index]),
    names: [...keptNames.keys()].map((index) => map.names[index]),
    mappings: encodeMappings(lines),
  };
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
  let value = 0;
  let shift = 0;
  for (const character of text) {
    const digit = BASE64_VALUE.get(character);
    if (digit === undefined) throw new Error(`not a source map mapping: ${JSON.stringify(text)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
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
