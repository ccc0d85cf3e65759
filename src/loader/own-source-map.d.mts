/** Types of own-source-map.mjs (plain JavaScript: it runs before anything can compile TypeScript). */
export interface SourceMapV3 {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
}

/** One generated line's segments, their fields absolute: [column] or [column, source, line, sourceColumn] or [..., name]. */
export type Segment = number[];

export declare function ownSourceMap(map: SourceMapV3, isOwn: (source: string) => boolean): SourceMapV3 | undefined;
export declare function decodeMappings(mappings: string): Segment[][];
export declare function encodeMappings(lines: Segment[][]): string;
