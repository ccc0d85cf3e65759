// Worker threads do not inherit the main thread's module hooks, so the
// TypeScript worker is loaded through ours (src/loader/) from this plain-JS entry.
import "../loader/register.mjs";

await import("./inputs-check-worker.ts");
