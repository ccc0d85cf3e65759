/**
 * A worker thread of the render pool (render-pool.ts): renders bodies with
 * the same pipeline as the main thread. Images are resolved by the main
 * thread, which owns the image pipeline, over messages.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createMarkdownRenderer, type MarkdownSource, type RenderSettings } from "./pipeline.ts";
import { resolveMediaFile } from "./resolve-media.ts";
import type { LocalImageResult } from "./remark-local-images.ts";
import type { RelatedCardTarget, UnpublishedTarget } from "./remark-related-card.ts";
import type { FromWorker, ToWorker } from "./render-pool.ts";

interface WorkerSetup {
  settings: RenderSettings;
  articles: [string, RelatedCardTarget][];
  unpublished: [string, UnpublishedTarget][];
}

const port = parentPort!;
const setup = workerData as WorkerSetup;
const waitingForImages = new Map<number, (result: LocalImageResult) => void>();
let nextImageRequest = 0;
const send = (message: FromWorker) => port.postMessage(message);
// One map for the worker's life: the related-card plugin reads it as each body renders.
const articles = new Map(setup.articles);
const unpublished = new Map(setup.unpublished);

const rendererFor = (settings: RenderSettings) => createMarkdownRenderer({
  settings,
  articles,
  unpublished,
  resolveMedia: (written, file) => resolveMediaFile(settings, written, file),
  resolveImage: (written, file, context) =>
    new Promise((resolve) => {
      const id = nextImageRequest++;
      waitingForImages.set(id, resolve);
      send({ type: "resolve-image", id, written, path: file.path, bodyLineOffset: file.data.bodyLineOffset ?? 0, context });
    }),
});
// Made again when the settings change (a pool started before the files were read learns their aliases later).
let settingsKey = JSON.stringify(setup.settings);
let render = rendererFor(setup.settings);

async function renderOne(id: number, source: MarkdownSource): Promise<void> {
  try {
    send({ type: "rendered", id, rendered: await render(source) });
  } catch (error) {
    send({ type: "failed", id, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
  }
}

port.on("message", (message: ToWorker) => {
  if (message.type === "render") {
    void renderOne(message.id, message.source);
  } else if (message.type === "context") {
    const key = JSON.stringify(message.settings);
    if (key !== settingsKey) {
      settingsKey = key;
      render = rendererFor(message.settings);
    }
    articles.clear();
    for (const [id, target] of message.articles) articles.set(id, target);
    unpublished.clear();
    for (const [id, target] of message.unpublished) unpublished.set(id, target);
  } else {
    waitingForImages.get(message.id)?.(message.result);
    waitingForImages.delete(message.id);
  }
});
