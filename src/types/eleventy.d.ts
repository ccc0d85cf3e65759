// Eleventy 3 ships no TypeScript declarations; this is the part of its programmatic API we use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    disableLogger?(): void;
  }
}
