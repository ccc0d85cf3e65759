// Eleventy configuration for running Eleventy's own command line on the site
// (`npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts`): one
// run over the whole site. All logic lives in src/: `npm run build`
// (src/site-builder/build-site.ts) and `npm start` (src/dev/) wire the same plugin, in
// batches and incrementally.
import { newsroomPlugin, type EleventyConfig } from "./src/eleventy/plugin.ts";

const CONTENT_DIR = process.env.NEWSROOM_CONTENT ?? "content";

export default function (eleventyConfig: EleventyConfig) {
  newsroomPlugin(eleventyConfig, {
    rootDir: process.cwd(),
    // NEWSROOM_CONTENT previews another content folder (the benchmark's corpus, a branch checkout).
    contentDir: CONTENT_DIR,
    // Eleventy's --serve is a preview: drafts and "Edit" links are shown.
    isPreview: process.env.NEWSROOM_PREVIEW === "1" || process.env.ELEVENTY_RUN_MODE === "serve",
  });
}

export const config = { dir: { input: CONTENT_DIR, output: "_site" } };
