import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { createGzip } from "node:zlib";
import { CONTENT_TYPES } from "../../src/dev/preview-server.ts";

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 (a free port), as a static host would, 404 page included. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) file = root;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = existsSync(file);
    if (!found) file = path.join(root, "404.html");
    const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    // Compress text as every CDN and static host does, so byte budgets measure what readers download.
    const gzip = /^(text\/|application\/(json|xml))/.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"]));
    response.writeHead(found ? 200 : 404, { "content-type": type, ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}) });
    const body = createReadStream(file);
    (gzip ? body.pipe(createGzip()) : body).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
