import type { Point, Position } from "unist";
import type { VFile } from "vfile";
import { RULES, type ParamsOf, type Rule, type RuleId } from "../diagnostics/messages.ts";

/**
 * Reports a catalogued rule on a body's VFile, where remark plugins keep
 * their messages: the rule's words, its hint as the note, fatal for an
 * error. `renderMarkdown` turns messages back into diagnostics with the
 * rule id whole ("images/missing-alt" is source "images", rule "missing-alt").
 */
export function reportRule<R extends RuleId>(file: VFile, place: Position | Point | undefined, ruleId: R, params: ParamsOf<R>): void {
  const definition = RULES[ruleId] as Rule<ParamsOf<R>>;
  const slash = ruleId.indexOf("/");
  const message = file.message(definition.message(params), { ...(place ? { place } : {}), source: ruleId.slice(0, slash), ruleId: ruleId.slice(slash + 1) });
  message.fatal = definition.severity === "error";
  const hint = definition.hint?.(params);
  if (hint) message.note = hint;
}
