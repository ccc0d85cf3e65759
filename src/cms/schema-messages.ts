import type { z } from "zod";

/**
 * The words the checker would use about a value, read from the schema
 * itself: the CMS shows an editor the same message before saving that
 * `npm run check` would print after.
 */

/** A document holding `value` at `path` ("hero.alt", "corrections[].date", "authors[]"), and the issue path that points at it. */
function documentWith(path: string, value: unknown): { document: unknown; issuePath: (string | number)[] } {
  const steps = path.split(".").flatMap((segment) => (segment.endsWith("[]") ? [segment.slice(0, -2), 0] : [segment]));
  let document: unknown = value;
  for (const step of [...steps].reverse()) document = typeof step === "number" ? [document] : { [step]: document };
  return { document, issuePath: steps };
}

/** The schema's message for `value` written at `path`, or undefined when the value is valid there. */
export function schemaMessage(schema: z.ZodType, path: string, value: unknown): string | undefined {
  const { document, issuePath } = documentWith(path, value);
  const result = schema.safeParse(document);
  if (result.success) return undefined;
  return issueAt(result.error.issues, [], JSON.stringify(issuePath))?.message;
}

type Issue = z.core.$ZodIssue;

/** The issue at `wanted`, looking inside unions: a union reports its variants' issues below its own path. */
function issueAt(issues: readonly Issue[], prefix: PropertyKey[], wanted: string): Issue | undefined {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (JSON.stringify(path) === wanted) return issue;
    if (issue.code === "invalid_union") {
      for (const variantIssues of issue.errors) {
        const found = issueAt(variantIssues, path, wanted);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * The message for a value that breaks a field's rule, worded for any value:
 * the quoted probe is taken out ('author id "Not an id" must be…' becomes
 * 'author id must be…').
 */
export function ruleMessage(schema: z.ZodType, path: string, probe: string): string {
  const message = schemaMessage(schema, path, probe);
  if (!message) throw new Error(`internal error, please report: "${probe}" is valid at ${path}, so it shows no rule`);
  return message.replace(` "${probe}"`, "").replace(`"${probe}" `, "");
}

/**
 * What a field is, as its "must be text" message names it: "dek (the
 * one-sentence standfirst) must be text" gives "The one-sentence standfirst".
 */
export function describedAs(schema: z.ZodType, path: string): string | undefined {
  const message = schemaMessage(schema, path, 42);
  const described = message && /^[\w.]+ \(([^)]+)\)/.exec(message)?.[1];
  return described ? described.charAt(0).toUpperCase() + described.slice(1) : undefined;
}
