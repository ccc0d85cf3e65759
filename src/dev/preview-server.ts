import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";

const EVENTS_PATH = "/__newsroom/events";

/** Content types of what a built site holds, by extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4",
  ".ogg": "audio/ogg",
  ".opus": "audio/ogg",
  ".wav": "audio/wav",
  ".wasm": "application/wasm",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

/**
 * Added to every HTML page the preview serves: reloads the page when the
 * server says it was rebuilt, and shows the content's problems over the
 * page when a save broke the build (the terminal shows them too).
 */
const LIVE_RELOAD_SCRIPT = `<script>(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const here = location.pathname.replace(/index\\.html$/, "");
  events.addEventListener("pages", (event) => {
    const pages = JSON.parse(event.data);
    if (Array.isArray(pages) ? pages.includes(here) : !pages.except.includes(here)) location.reload();
  });
  events.addEventListener("problems", (event) => {
    let box = document.getElementById("newsroom-problems");
    if (!box) {
      box = document.createElement("pre");
      box.id = "newsroom-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647";
      document.body.append(box);
    }
    box.textContent = "The last save has problems; this is the last good version of the page.\\n\\n" + JSON.parse(event.data);
  });
})();</script>`;

/**
 * Serves the built site on 127.0.0.1 for previewing, as a static host would
 * (folders by their index.html, 404.html for what does not exist), and tells
 * open pages when to reload.
 */
export class PreviewServer {
  readonly #clients = new Set<ServerResponse>();
  readonly #server: Server;
  #problems: string | undefined;

  constructor(readonly siteDir: string) {
    this.#server = createServer((request, response) => {
      // An answer that fails (a file deleted by a rebuild while it was read) ends that request, never the preview.
      this.#respond(request, response).catch(() => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("The preview could not read this file; reload.");
        else response.destroy();
      });
    });
  }

  listen(port: number, host = "127.0.0.1"): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, host, () => {
        const address = this.#server.address();
        resolve(`http://${host}:${typeof address === "object" && address ? address.port : port}/`);
      });
    });
  }

  /** Reloads the open pages among `urls`, or every open page except some. */
  pagesChanged(pages: readonly string[] | { except: readonly string[] }): void {
    this.#send("pages", pages);
  }

  /**
   * Shows the content's problems over every open page, and over every page
   * opened until a save fixes them (`undefined`).
   */
  problems(report: string | undefined): void {
    this.#problems = report;
    if (report !== undefined) this.#send("problems", report);
  }

  /** Ends the live-reload streams and every connection (a browser keeps its own open), and stops listening. */
  close(): Promise<void> {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    return closed;
  }

  #send(event: string, data: unknown): void {
    for (const client of this.#clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  async #respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? "/", "http://preview.invalid");
    if (pathname === EVENTS_PATH) {
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      response.write(": connected\n\n");
      if (this.#problems !== undefined) response.write(`event: problems\ndata: ${JSON.stringify(this.#problems)}\n\n`);
      this.#clients.add(response);
      request.on("close", () => this.#clients.delete(response));
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(pathname);
    } catch {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request: the address has a broken %-escape");
      return;
    }
    const file = await this.#resolve(urlPath);
    const notFound = file ? undefined : await this.#resolve("/404.html");
    const served = file ?? notFound;
    if (!served) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found (and the site has no 404.html)");
      return;
    }
    const type = CONTENT_TYPES[path.extname(served).toLowerCase()] ?? "application/octet-stream";
    const headers = { "content-type": type, "cache-control": "no-store" };
    if (type.startsWith("text/html")) {
      const html = await readFile(served, "utf8");
      const withScript = html.includes("</body>") ? html.replace("</body>", `${LIVE_RELOAD_SCRIPT}</body>`) : html + LIVE_RELOAD_SCRIPT;
      response.writeHead(notFound ? 404 : 200, headers).end(request.method === "HEAD" ? undefined : withScript);
      return;
    }
    response.writeHead(notFound ? 404 : 200, headers);
    if (request.method === "HEAD") response.end();
    else createReadStream(served).on("error", () => response.destroy()).pipe(response);
  }

  /** The file a URL path names inside the site, or undefined (never outside it). */
  async #resolve(urlPath: string): Promise<string | undefined> {
    const candidate = path.join(this.siteDir, path.normalize(urlPath));
    if (candidate !== this.siteDir && !candidate.startsWith(this.siteDir + path.sep)) return undefined;
    for (const file of urlPath.endsWith("/") ? [path.join(candidate, "index.html")] : [candidate, path.join(candidate, "index.html")]) {
      try {
        if ((await stat(file)).isFile()) return file;
      } catch {
        // try the next
      }
    }
    return undefined;
  }
}
