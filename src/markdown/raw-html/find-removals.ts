import type { Element, Nodes, Root } from "hast";
import type { Schema } from "hast-util-sanitize";
import type { Position } from "unist";

/** Something hast-util-sanitize will take out of a body. */
export type Removal =
  /** An element that goes with its content (script, style, svg…), or that is unwrapped, its content kept. */
  | { kind: "element"; tagName: string; withContent: boolean; position: Position | undefined }
  /** An attribute; for a list (class names) `values` are the items removed, the others stay. */
  | { kind: "attribute"; tagName: string; attribute: string; values?: unknown[]; position: Position | undefined };

type PropertyDefinition = string | [string, ...(string | number | boolean | RegExp | null | undefined)[]];

/**
 * What `sanitize(tree, schema)` removes, found by the same rules it applies
 * (hast-util-sanitize 5: allowed tag names, required ancestors, `strip`,
 * attributes per element and for all, allowed values, URL protocols), so
 * that each removal can be reported where it was written. Elements for
 * which `isOwn` is true (made by our own plugins, not written in raw HTML)
 * are checked but not reported. A test holds this to the library's output.
 */
export function findRemovals(tree: Root, schema: Schema, isOwn: (element: Element) => boolean = () => false): Removal[] {
  const removals: Removal[] = [];
  const stack: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type !== "root" && node.type !== "element") return;
    if (node.type === "element") {
      const name = node.tagName;
      const own = isOwn(node);
      if (!isAllowedElement(schema, name, stack)) {
        const withContent = (schema.strip ?? []).includes(name) || !schema.strip;
        if (!own) removals.push({ kind: "element", tagName: name, withContent, position: node.position });
        if (withContent) return;
      } else if (!own) {
        for (const [key, value] of Object.entries(node.properties)) {
          const removal = attributeRemoval(schema, name, key, value);
          if (removal) removals.push({ kind: "attribute", tagName: name, attribute: key, ...removal, position: node.position });
        }
      }
      stack.push(name);
    }
    for (const child of node.children) visit(child);
    if (node.type === "element") stack.pop();
  };
  visit(tree);
  return removals;
}

function isAllowedElement(schema: Schema, name: string, stack: readonly string[]): boolean {
  if (!name || name === "*" || (schema.tagNames && !schema.tagNames.includes(name))) return false;
  const ancestors = schema.ancestors && Object.hasOwn(schema.ancestors, name) ? schema.ancestors[name]! : undefined;
  return !ancestors || ancestors.some((ancestor) => stack.includes(ancestor));
}

/**
 * What sanitize takes of a property, as it does: a list (class names) is
 * filtered by the element's own definition of it, or else the one for all
 * elements, and stays even when empty; a single value is kept when either
 * definition allows it. Undefined when nothing is taken.
 */
function attributeRemoval(schema: Schema, tagName: string, key: string, value: unknown): { values?: unknown[] } | undefined {
  const attributes = schema.attributes ?? {};
  const specific = findDefinition(Object.hasOwn(attributes, tagName) ? (attributes[tagName] as PropertyDefinition[]) : undefined, key);
  const defaults = findDefinition(Object.hasOwn(attributes, "*") ? (attributes["*"] as PropertyDefinition[]) : undefined, key);
  if (!Array.isArray(value)) return isAllowedValue(schema, specific, key, value) || isAllowedValue(schema, defaults, key, value) ? undefined : {};
  const definition = specific ?? defaults;
  if (!definition) return {};
  const removed = value.filter((item) => !isAllowedValue(schema, definition, key, item));
  return removed.length > 0 ? { values: removed } : undefined;
}

function isAllowedValue(schema: Schema, definition: PropertyDefinition | undefined, key: string, value: unknown): boolean {
  if (!definition) return false;
  if (typeof value !== "boolean" && typeof value !== "number" && typeof value !== "string") return false;
  if (!isSafeProtocol(schema, key, String(value))) return false;
  if (typeof definition === "string" || definition.length <= 1) return true;
  return definition.slice(1).some((allowed) => (allowed instanceof RegExp ? allowed.test(String(value)) : allowed === value));
}

function findDefinition(definitions: PropertyDefinition[] | undefined, key: string): PropertyDefinition | undefined {
  let dataDefault: PropertyDefinition | undefined;
  for (const entry of definitions ?? []) {
    const name = typeof entry === "string" ? entry : entry[0];
    if (name === key) return entry;
    if (name === "data*") dataDefault = entry;
  }
  return key.length > 4 && key.slice(0, 4).toLowerCase() === "data" ? dataDefault : undefined;
}

function isSafeProtocol(schema: Schema, key: string, url: string): boolean {
  const protocols = schema.protocols && Object.hasOwn(schema.protocols, key) ? schema.protocols[key] : undefined;
  if (!protocols || protocols.length === 0) return true;
  const colon = url.indexOf(":");
  const before = (mark: string) => {
    const at = url.indexOf(mark);
    return at > -1 && colon > at;
  };
  if (colon < 0 || before("/") || before("?") || before("#")) return true;
  return protocols.some((protocol) => colon === protocol.length && url.slice(0, protocol.length) === protocol);
}
