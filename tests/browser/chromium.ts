import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export const HOW_TO_GET_CHROMIUM =
  "No Chromium found. Install it (Debian: apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.";

/** The system Chromium's path, or undefined. Playwright's own browser download is not used. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

/**
 * Why browser tests cannot run here, or undefined when they can. Under CI a
 * missing browser is a failure, never a silent pass.
 */
export function skipReason(): string | undefined {
  if (findChromium()) return undefined;
  if (process.env.CI === "true") throw new Error(`${HOW_TO_GET_CHROMIUM} (CI=true: browser tests must run)`);
  return HOW_TO_GET_CHROMIUM;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
