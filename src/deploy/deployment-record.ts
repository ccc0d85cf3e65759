import type { Schedule } from "../site-builder/build-site.ts";

/**
 * What a deployment says about itself, stored with it (on object storage at
 * `.newsroom/deployment.json`, on GitHub Pages at `/newsroom-deployment.json`,
 * linked from nowhere): the commit the site was built from, and the build's
 * `schedule.json`. A scheduled CI run reads it to decide, in seconds, whether
 * there is anything to publish.
 *
 * No runtime imports: the scheduled run reads it before `npm ci`.
 */
export interface DeploymentRecord {
  commit: string;
  deployedAt: string;
  /** The build's schedule.json; null when the build wrote none. */
  schedule: Schedule | null;
}

/** The path of the record in a GitHub Pages artifact (hidden files may be left out of one). */
export const PAGES_RECORD_FILE = "newsroom-deployment.json";

/** The record, or undefined when the text is not one (no deployment yet, or an older format). */
export function parseDeploymentRecord(text: string): DeploymentRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = value as Partial<DeploymentRecord> | null;
  if (typeof record?.commit !== "string" || typeof record.deployedAt !== "string") return undefined;
  const schedule = record.schedule;
  const isSchedule = schedule === null || (typeof schedule === "object" && schedule !== undefined && (schedule.nextPublication === null || typeof schedule.nextPublication === "string"));
  return isSchedule ? (record as DeploymentRecord) : undefined;
}

export function serializeDeploymentRecord(record: DeploymentRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
