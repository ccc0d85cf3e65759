/** Runs a stage, adding its seconds to `timings` under `name` (none: just runs it). */
export async function timed<T>(timings: Map<string, number> | undefined, name: string, stage: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await stage();
  } finally {
    timings?.set(name, (timings.get(name) ?? 0) + (performance.now() - started) / 1000);
  }
}
