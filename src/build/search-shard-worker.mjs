// Worker threads do not inherit the main thread's module hooks, so the
// TypeScript worker is loaded through tsx's API from this plain-JS entry.
import { register } from "tsx/esm/api";

register({ tsconfig: process.env.TSX_TSCONFIG_PATH });
await import("./search-shard-worker.ts");
