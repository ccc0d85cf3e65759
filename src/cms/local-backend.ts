import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { createServer } from "node:net";

/**
 * Decap CMS's local backend (decap-server): the CMS opened on 127.0.0.1
 * reads and writes the files of a folder on this machine instead of the git
 * host's. In "fs" mode it writes the files and commits nothing; in "git"
 * mode the folder is a git repository, and the editorial workflow works as
 * on the host, with `cms/...` branches (it checks them out in that folder
 * while it works, so give it a clone nobody edits by hand).
 */
export interface LocalBackendOptions {
  /** The repository's root: the configuration's paths (content/articles) are read from here. */
  repoDir: string;
  mode?: "fs" | "git";
  /** Default: a free port. */
  port?: number;
  /** Print decap-server's own log (every request) too. */
  isVerbose?: boolean;
}

export interface LocalBackend {
  /** The API's address, for the configuration's `local_backend.url`. */
  url: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
/** How long decap-server may take to listen. */
const START_TIMEOUT_MS = 20_000;

/** A port nothing listens on at 127.0.0.1 now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("internal error, please report: no port");
  return address.port;
}

/** Starts decap-server on 127.0.0.1 only; resolves once it listens. */
export async function startLocalBackend(options: LocalBackendOptions): Promise<LocalBackend> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [require.resolve("decap-server")], {
    cwd: options.repoDir,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: "127.0.0.1",
      MODE: options.mode ?? "fs",
      GIT_REPO_DIRECTORY: options.repoDir,
      LOG_LEVEL: options.isVerbose ? "debug" : "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // A process that ends without stop() (an uncaught error) must not leave the server behind.
  const stopWithParent = () => child.kill("SIGTERM");
  process.once("exit", stopWithParent);
  await listening(child, options.isVerbose ?? false);
  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    stop: async () => {
      process.off("exit", stopWithParent);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function listening(child: ChildProcess, isVerbose: boolean): Promise<void> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`decap-server did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGTERM");
      reject(error);
    };
    let isListening = false;
    const read = (chunk: Buffer) => {
      // Once it listens, its log is drained (a full pipe would stop it) and, when asked for, shown.
      if (isListening) {
        if (isVerbose) process.stderr.write(chunk);
        return;
      }
      output += chunk.toString();
      if (/listening on/i.test(output)) {
        isListening = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => fail(new Error(`decap-server stopped (exit code ${code}):\n${output}`)));
  });
}
