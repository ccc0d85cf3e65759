import path from "node:path";
import { parseArgs } from "node:util";
import { usageProblem } from "../util/command-line.ts";

/** Where `npm start` writes the preview: in the project's caches, never published (a production build writes _site/). */
export const PREVIEW_OUTPUT_DIR = path.join(".cache", "preview");

/** What a production build writes and CI deploys (`npm run build`'s default output). */
export const PRODUCTION_OUTPUT_DIR = "_site";

/** The preview's exit code for a command line it refuses: the supervisor then stops too, instead of waiting for a code change. */
export const USAGE_ERROR_EXIT_CODE = 2;

/**
 * Node's flags for the preview server: a young generation of 64 MB
 * semi-spaces instead of V8's 16. A save builds the site's lists again
 * (at 10,000 articles, over a hundred megabytes that live for one save);
 * with the default, collecting them took a sixth of the time to show a save
 * (docs/decisions/0055-the-preview-has-a-large-young-generation.md).
 */
export const PREVIEW_SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

/** Folders of code the supervisor watches: a preview written there would restart itself without end. */
const CODE_DIRS = ["layouts", "src", "public"];

export interface PreviewOptions {
  port: number;
  /** As given, relative to the project root (or absolute). */
  contentDir: string;
  /** Absolute. */
  outputDir: string;
}

/**
 * `npm start [-- --port 8080] [--content content] [--output .cache/preview]`,
 * read and checked: the options, or the problem to print before exiting with
 * USAGE_ERROR_EXIT_CODE.
 */
export function parsePreviewArgs(args: readonly string[], env: NodeJS.ProcessEnv, rootDir: string): PreviewOptions | { problem: string } {
  const options = {
    port: { type: "string", default: env.PORT ?? "8080" },
    // NEWSROOM_CONTENT previews another content folder (the benchmark's corpus, a branch checkout).
    content: { type: "string", default: env.NEWSROOM_CONTENT ?? "content" },
    output: { type: "string", default: PREVIEW_OUTPUT_DIR },
  } as const;
  let values;
  try {
    ({ values } = parseArgs({ args: [...args], options }));
  } catch (error) {
    // Told as the other commands tell it (src/util/command-line.ts); the supervisor prints it and stops.
    const problem = usageProblem(error, Object.keys(options)) ?? (error as Error).message;
    return { problem: `${problem}\nusage: npm start [-- --port 8080] [--content content] [--output ${PREVIEW_OUTPUT_DIR}]` };
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { problem: `--port ${values.port} is not a port number (0-65535; 0 picks a free one).` };
  const problem = previewOutputProblem(rootDir, values.content, values.output);
  if (problem) return { problem };
  return { port, contentDir: values.content, outputDir: path.resolve(rootDir, values.output) };
}

/**
 * Why the preview must not write into `outputDir`, or undefined when it may.
 * The preview empties its folder first and writes drafts, "Edit" links and
 * preview notices: never into the production site, nor over the project,
 * its content or its code.
 */
export function previewOutputProblem(rootDir: string, contentDir: string, outputDir: string): string | undefined {
  const root = path.resolve(rootDir);
  const output = path.resolve(root, outputDir);
  const content = path.resolve(root, contentDir);
  const isWithin = (folder: string, parent: string) => folder === parent || folder.startsWith(parent + path.sep);
  if (isWithin(output, path.join(root, PRODUCTION_OUTPUT_DIR))) {
    return `--output ${outputDir} is the production site's folder: the preview (drafts, scheduled articles, "Edit" links) would be deployed with it. Leave --output out (the preview goes to ${PREVIEW_OUTPUT_DIR}/) or name a folder of its own.`;
  }
  if (isWithin(root, output)) return `--output ${outputDir} holds the whole project, which the preview would empty first. Leave --output out (the preview goes to ${PREVIEW_OUTPUT_DIR}/).`;
  if (isWithin(output, content) || isWithin(content, output)) {
    return `--output ${outputDir} overlaps the content folder ${contentDir}/: the preview would empty it, and take its own pages for saves. Name a folder of its own.`;
  }
  const code = CODE_DIRS.find((dir) => isWithin(output, path.join(root, dir)));
  if (code) return `--output ${outputDir} is inside ${code}/: the preview restarts on every change there, its own pages included. Name a folder of its own.`;
  return undefined;
}
