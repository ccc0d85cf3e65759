/**
 * YAML scalars as `npm run new` writes them: ids and slug-like tags bare,
 * everything else double-quoted (a JSON string is a valid YAML
 * double-quoted scalar), so a title like "No: yes" or a tag like "2016"
 * reads back as the same text.
 */

/** Words YAML would read as something other than text. */
const NOT_TEXT = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/** A value that reads back as itself unquoted: lowercase words with hyphens, not a number or a keyword. */
export function yamlScalar(value: string): string {
  return /^[a-z][a-z0-9-]*$/.test(value) && !NOT_TEXT.test(value) ? value : quoted(value);
}

export function quoted(value: string): string {
  return JSON.stringify(value);
}

/** A flow list: `[a, "Two words"]`. */
export function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlScalar).join(", ")}]`;
}
