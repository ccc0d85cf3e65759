import { find, html } from "property-information";
import type { Position } from "unist";
import type { VFile } from "vfile";
import type { RuleId } from "../../diagnostics/messages.ts";
import { reportRule } from "../report-rule.ts";
import type { Removal } from "./find-removals.ts";

type RemovalRule = Extract<RuleId, "html/removed-script" | "html/removed-style" | "html/removed-element" | "html/removed-attribute">;

interface Group {
  ruleId: RemovalRule;
  what: string;
  reason: string;
  count: number;
  position: Position | undefined;
}

const PLUGINS = new Set(["object", "embed", "applet"]);
const FORMS = new Set(["form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "output", "datalist"]);
const HEAD = new Set(["head", "title", "link", "meta", "base", "html", "body"]);
const PRESENTATIONAL_ELEMENTS = new Set(["font", "center", "big", "tt", "strike", "blink", "marquee", "basefont", "nobr"]);
const PRESENTATIONAL_ATTRIBUTES = new Set([
  "align", "valign", "bgcolor", "background", "border", "cellpadding", "cellspacing", "color", "face", "size", "hspace", "vspace",
  "nowrap", "frame", "rules", "clear", "char", "charoff", "axis", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling",
]);
const TABLE_PARTS = new Set(["caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"]);

/**
 * Reports what the sanitiser removes from a body's raw HTML, one warning per
 * kind of removal and element, at its first place, with a count: an
 * archive's table with forty `align` attributes is one line, not forty.
 */
export function reportRemovals(file: VFile, removals: readonly Removal[]): void {
  const groups = new Map<string, Group>();
  for (const removal of removals) {
    const described = describe(removal);
    const key = `${described.ruleId}|${described.what}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { ...described, count: 1, position: removal.position });
  }
  for (const group of groups.values()) {
    const params = { what: group.what, count: group.count, reason: group.reason };
    reportRule(file, group.position, group.ruleId, params);
  }
}

function describe(removal: Removal): Omit<Group, "count" | "position"> {
  const tag = `<${removal.tagName}>`;
  if (removal.kind === "attribute") {
    const attribute = find(html, removal.attribute).attribute;
    const what = `the ${attribute} attribute of ${tag}`;
    if (/^on/.test(attribute)) return { ruleId: "html/removed-script", what, reason: "" };
    if (attribute === "style") return { ruleId: "html/removed-style", what, reason: "" };
    if (attribute === "class") return { ruleId: "html/removed-attribute", what, reason: "class names are the site's own" };
    if (attribute === "target") return { ruleId: "html/removed-attribute", what, reason: "links open in the same tab" };
    if (PRESENTATIONAL_ATTRIBUTES.has(attribute)) return { ruleId: "html/removed-attribute", what, reason: "presentational attributes are obsolete; the site's styles lay the page out" };
    if (attribute === "src" || attribute === "href") return { ruleId: "html/removed-attribute", what, reason: "not a web address" };
    return { ruleId: "html/removed-attribute", what, reason: "not an attribute the site publishes" };
  }
  const name = removal.tagName;
  const what = removal.withContent ? tag : `${tag} (its text is kept)`;
  if (name === "script" || name === "noscript" || name === "template") return { ruleId: "html/removed-script", what, reason: "" };
  if (name === "style") return { ruleId: "html/removed-style", what, reason: "" };
  if (PLUGINS.has(name)) return { ruleId: "html/removed-element", what, reason: "plugins do not run in browsers; link to the file instead" };
  if (name === "svg") return { ruleId: "html/removed-element", what, reason: "inline SVG is not published; save it as an .svg file in content/images/ and show it as an image" };
  if (name === "math") return { ruleId: "html/removed-element", what, reason: "MathML is not published; write the formula as text or show it as an image" };
  if (name === "iframe" || name === "frame" || name === "frameset") return { ruleId: "html/removed-element", what, reason: "frames are not published" };
  if (FORMS.has(name)) return { ruleId: "html/removed-element", what, reason: "forms in an article cannot send anything" };
  if (HEAD.has(name)) return { ruleId: "html/removed-element", what, reason: "it belongs to a page's head, not to an article" };
  if (PRESENTATIONAL_ELEMENTS.has(name)) return { ruleId: "html/removed-element", what, reason: "presentational elements are obsolete; the site's styles apply" };
  if (TABLE_PARTS.has(name)) return { ruleId: "html/removed-element", what, reason: "it is not inside a <table>" };
  return { ruleId: "html/removed-element", what, reason: "not an element the site publishes" };
}
