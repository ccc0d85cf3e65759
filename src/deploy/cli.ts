import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Schedule } from "../site-builder/build-site.ts";
import { deployToObjectStorage } from "./deploy.ts";
import { PAGES_RECORD_FILE, serializeDeploymentRecord } from "./deployment-record.ts";
import { formatBytes, measurePagesArtifact, pagesSizeProblem } from "./pages-artifact.ts";
import { HOW_TO_GET_RCLONE, findRclone, rcloneRunner } from "./rclone.ts";
import { commandLine } from "../util/command-line.ts";

const USAGE = `usage:
  npm run deploy -- --to <rclone remote:path> [--site _site] [--transfers 32]   upload what changed to object storage
  npm run deploy -- --pages [--site _site]                                       check the size and add the record for GitHub Pages
  both: [--schedule <schedule.json beside the site>] [--commit <sha; default GITHUB_SHA or git HEAD>]`;

const { values } = commandLine(
  {
    options: {
      to: { type: "string" },
      pages: { type: "boolean", default: false },
      site: { type: "string", default: "_site" },
      schedule: { type: "string" },
      commit: { type: "string" },
      transfers: { type: "string", default: "32" },
    },
  },
  USAGE,
);

if (Boolean(values.to) === values.pages) {
  console.error(`Say where to deploy: --to <remote:path> or --pages.\n${USAGE}`);
  process.exit(2);
}
const siteDir = values.site;
if (!existsSync(path.join(siteDir, "index.html"))) {
  console.error(`${siteDir}/ holds no built site: run npm run build first.`);
  process.exit(1);
}
const record = { commit: values.commit ?? process.env.GITHUB_SHA ?? gitHead(), schedule: readSchedule(values.schedule ?? path.join(path.dirname(path.resolve(siteDir)), "schedule.json")) };

try {
  if (values.pages) {
    const size = await measurePagesArtifact(siteDir);
    const problem = pagesSizeProblem(siteDir, size);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    writeFileSync(path.join(siteDir, PAGES_RECORD_FILE), serializeDeploymentRecord({ ...record, deployedAt: new Date().toISOString() }));
    console.log(`${siteDir}/ is ${formatBytes(size.bytes)} in ${size.files.toLocaleString("en")} files (${formatBytes(size.tarBytes)} as a Pages artifact): ready for GitHub Pages`);
  } else {
    if (!findRclone()) throw new Error(HOW_TO_GET_RCLONE);
    const transfers = Number(values.transfers);
    if (!Number.isInteger(transfers) || transfers < 1) throw new Error(`--transfers must be a whole number, like 32`);
    const report = await deployToObjectStorage({ siteDir, target: values.to!, rclone: rcloneRunner(), record, transfers, log: (line) => console.log(line) });
    console.log(`in ${report.seconds.total} s (hashing ${report.seconds.hash} s, uploads ${report.seconds.upload} s, deletes ${report.seconds.delete} s)`);
  }
} catch (error) {
  console.error(`Deploy failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error("Nothing is lost: run the deploy again, and it finishes what this one started.");
  process.exitCode = 1;
}

function readSchedule(file: string): Schedule | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Schedule) : null;
}

function gitHead(): string {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}
