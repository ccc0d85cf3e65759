import v8 from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * How far V8 lets the heap grow past what it held after its last full
 * collection: 30%, instead of up to four times when allocation is fast.
 * A build allocates fast and keeps little (pages are rendered, written and
 * dropped), so by default its heap swelled to several times its live data:
 * 1,241 MB at 10,000 articles against 639 MB with this limit, for 7% more
 * CPU time (decision 0053). Process-wide, and for large builds only (cold,
 * loading every file, or rendering most pages: `beforeLargeBuild` in
 * src/site-builder/build-site.ts): an edit's build has a small heap, and
 * collecting it more often cost it a fifth more CPU time.
 */
export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * A full collection, now. For the moment a large build has let go of most
 * of what it held (decision 0063): V8 would otherwise let the heap grow 30%
 * past the size of its last full collection, which came while everything
 * was still held, before collecting again.
 */
export function collectGarbageNow(): void {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
