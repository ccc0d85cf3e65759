import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const SCHEMAS = fileURLToPath(new URL("../fixtures/schemas/", import.meta.url));

const HOW_TO_GET_XMLLINT = "xmllint not found: install it (Debian: apt-get install -y libxml2-utils)";

/** Why schema tests cannot run here, or undefined. Under CI a missing xmllint fails. */
export function xmllintSkipReason(): string | undefined {
  const found = spawnSync("xmllint", ["--version"]).status === 0;
  if (found) return undefined;
  if (process.env.CI === "true") throw new Error(`${HOW_TO_GET_XMLLINT} (CI=true: schema tests must run)`);
  return HOW_TO_GET_XMLLINT;
}

/** Validates an XML file against an XSD; throws with xmllint's message when invalid. */
export function validateXml(file: string, schema: string): void {
  execFileSync("xmllint", ["--noout", "--schema", schema, file], { stdio: "pipe" });
}
