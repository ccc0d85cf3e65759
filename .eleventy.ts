// Eleventy configuration for `npm start` (the dev server). All logic lives in
// src/; `npm run build` wires the same plugin through src/build/build.ts.
import { newsroomPlugin, type EleventyConfig } from "./src/eleventy/plugin.ts";

const CONTENT_DIR = process.env.NEWSROOM_CONTENT ?? "content";

export default function (eleventyConfig: EleventyConfig) {
  newsroomPlugin(eleventyConfig, {
    rootDir: process.cwd(),
    // NEWSROOM_CONTENT previews another content folder (the benchmark's corpus, a branch checkout).
    contentDir: CONTENT_DIR,
    // The dev server is a preview: drafts and "Edit" links are shown.
    isPreview: process.env.NEWSROOM_PREVIEW === "1" || process.env.ELEVENTY_RUN_MODE === "serve",
  });
}

export const config = { dir: { input: CONTENT_DIR, output: "_site" } };
