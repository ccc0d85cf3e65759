/**
 * Publish-latency benchmark: from a content-only commit to files on the
 * target, the steps the object-storage workflow runs after `npm ci`, timed
 * end to end: check, build with the caches of the previous build, deploy to
 * an rclone target (a local folder here: the upload itself is the network's).
 *
 *   node --import ./src/loader/register.mjs bench/publish-latency.ts                      # sizes 1000, seed 1
 *   node --import ./src/loader/register.mjs bench/publish-latency.ts --sizes 1000,10000 --json
 *
 * Per size: the corpus (bench/generate-corpus.ts) is copied once into
 * bench/.corpus/publish-<size>-<seed>/, built and deployed untimed (the state
 * after the last publication, caches warm), then one article is edited
 * (bench/rebuild-check.ts) and check, build and deploy run as the workflow
 * runs them, each in its own process. Reports each step's seconds, the
 * deploy's own share, and the files the edit uploaded and deleted.
 * With --json, one line per size: {"size","files","firstDeploySeconds",
 * "checkSeconds","buildSeconds","deploySeconds","totalSeconds","deployHashSeconds","uploaded","deleted"}.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_DIR, CORPUS_CACHE_DIR, ensureCorpus } from "./generate-corpus.ts";
import { editOneArticle } from "./rebuild-check.ts";
import { RUN_COMMAND } from "../src/loader/node-flags.ts";

const ROOT_DIR = path.dirname(BENCH_DIR);

interface PublishResult {
  size: number;
  files: number;
  firstDeploySeconds: number;
  checkSeconds: number;
  buildSeconds: number;
  deploySeconds: number;
  totalSeconds: number;
  /** Of the deploy: hashing the site (the rest is rclone and the process). */
  deployHashSeconds: number;
  uploaded: number;
  deleted: number;
}

function parseOptions(argv: readonly string[]): { sizes: number[]; seed: number; json: boolean } {
  const options = { sizes: [1000], seed: 1, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") options.json = true;
    else if (argv[i] === "--sizes") options.sizes = (argv[++i] ?? "").split(",").map(Number);
    else if (argv[i] === "--seed") options.seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; usage: node --import ./src/loader/register.mjs bench/publish-latency.ts [--sizes 1000,10000] [--seed N] [--json]`);
  }
  if (!options.sizes.every((size) => Number.isInteger(size) && size > 0)) throw new Error("--sizes must be positive integers, like 1000,10000");
  return options;
}

/** One of the project's CLIs in the corpus folder, as `npm run <script>` runs it there; resolves with wall seconds and output. */
function runStep(workDir: string, script: string, args: readonly string[] = []): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [RUN_COMMAND, path.join(ROOT_DIR, script), ...args], {
    cwd: workDir,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

/** The deploy's summary line: "deployed to <target>: N uploaded, M deleted". */
function deployCounts(stdout: string): { files: number; uploaded: number; deleted: number; hashSeconds: number } {
  const summary = /deployed to .*: (\d+) uploaded, (\d+) deleted/.exec(stdout);
  const files = /^(\d+) files in /m.exec(stdout);
  const hashing = /hashing ([\d.]+) s/.exec(stdout);
  if (!summary || !files || !hashing) throw new Error(`unexpected deploy output:\n${stdout}`);
  return { files: Number(files[1]), uploaded: Number(summary[1]), deleted: Number(summary[2]), hashSeconds: Number(hashing[1]) };
}

async function publishLatency(size: number, seed: number, log: (line: string) => void): Promise<PublishResult> {
  const corpus = await ensureCorpus(size, seed, log);
  const workDir = path.join(CORPUS_CACHE_DIR, `publish-${size}-${seed}`);
  if (!existsSync(path.join(workDir, "content"))) cpSync(corpus.dir, workDir, { recursive: true });
  // The generated site settings link a support page the generator does not write: without it the check fails.
  const supportPage = path.join(workDir, "content", "pages", "support.md");
  if (!existsSync(supportPage)) {
    mkdirSync(path.dirname(supportPage), { recursive: true });
    writeFileSync(supportPage, '---\ntitle: "Support us"\ndescription: "Readers pay for the newsroom."\n---\nThe newsroom is free to read because readers pay for it.\n');
  }
  const target = path.join(workDir, "target");
  // The state after the last publication: the site built (caches warm) and deployed.
  log(`${size}: building and deploying the current state (untimed)...`);
  runStep(workDir, "src/site-builder/cli.ts");
  const first = runStep(workDir, "src/deploy/cli.ts", ["--to", target]);
  const edit = editOneArticle(workDir);
  try {
    log(`${size}: edited ${path.basename(edit.file)}; check, build, deploy...`);
    const check = runStep(workDir, "src/check/cli.ts");
    const build = runStep(workDir, "src/site-builder/cli.ts");
    const deploy = runStep(workDir, "src/deploy/cli.ts", ["--to", target]);
    const counts = deployCounts(deploy.stdout);
    return {
      size,
      files: counts.files,
      firstDeploySeconds: first.seconds,
      checkSeconds: check.seconds,
      buildSeconds: build.seconds,
      deploySeconds: deploy.seconds,
      totalSeconds: Number((check.seconds + build.seconds + deploy.seconds).toFixed(2)),
      deployHashSeconds: counts.hashSeconds,
      uploaded: counts.uploaded,
      deleted: counts.deleted,
    };
  } finally {
    edit.undo();
  }
}

const options = parseOptions(process.argv.slice(2));
const log = (line: string) => process.stderr.write(`${line}\n`);
for (const size of options.sizes) {
  const result = await publishLatency(size, options.seed, log);
  if (options.json) console.log(JSON.stringify(result));
  else
    console.log(
      `${size} articles (${result.files} files): one-article edit published in ${result.totalSeconds} s = check ${result.checkSeconds} s + build ${result.buildSeconds} s + deploy ${result.deploySeconds} s (hashing ${result.deployHashSeconds} s); uploaded ${result.uploaded} files, deleted ${result.deleted} (first deploy ${result.firstDeploySeconds} s)`,
    );
}


