import type { FieldGuides } from "./field-guides.ts";
import type { FieldShape, SchemaField } from "./schema-fields.ts";
import { isOptionalGroup, RECORD_VALUE } from "./cms-fields.ts";

/**
 * How a content file is written, for the CMS's file format
 * (src/cms/admin/content-format.js): keys in schema order at every level,
 * as `npm run new` writes them; prose in double quotes; lists of plain
 * values on one line; and how the forms' shapes (typed lists, pairs) turn
 * back into the schema's. Plain data: it travels to the browser as JSON.
 */
export interface KeyLayout {
  name: string;
  /** Text an editor writes in words: double-quoted, as `npm run new` writes a headline. */
  isProse?: boolean;
  /** A list of plain values: one line, `[maria-okafor, news-desk]`. */
  isFlowList?: boolean;
  /** An object's keys, or the keys of a list's objects, in schema order. */
  keys?: KeyLayout[];
  /** A list whose items take several shapes; the form tells them apart by `type`. */
  variants?: VariantLayout[];
  /** A map the form edits as a list of `{ [key]: name, [value]: value }`. */
  record?: { key: string; value: string };
  /** An object the form edits as a list of at most one (see isOptionalGroup in src/cms/cms-fields.ts). */
  isOptionalGroup?: boolean;
  /** A value equal to the schema's default is left out (`draft: false`, `tags: []`). */
  default?: unknown;
}

export interface VariantLayout {
  type: string;
  /** A variant written as a plain value: the form's field that holds it. */
  wrap?: string;
  /** An object variant's keys; a file's item is this variant when it has all of `requiredKeys`. */
  keys?: KeyLayout[];
  requiredKeys?: string[];
}

export function fileLayout(fields: readonly SchemaField[], guides: FieldGuides): KeyLayout[] {
  return fields.map((field) => keyLayout(field, guides));
}

function keyLayout(field: SchemaField, guides: FieldGuides): KeyLayout {
  const guide = guides[field.path] ?? {};
  const { shape } = field;
  const layout: KeyLayout = { name: field.name, ...(field.default !== undefined ? { default: field.default } : {}) };
  if (shape.kind === "text" && !shape.pattern && !guide.pattern && !guide.widget) layout.isProse = true;
  if (shape.kind === "object") layout.keys = fileLayout(shape.fields, guides);
  if (isOptionalGroup(field, guides)) layout.isOptionalGroup = true;
  if (shape.kind === "record") layout.record = { key: guide.record?.key ?? "key", value: RECORD_VALUE };
  if (shape.kind === "list") {
    const { item } = shape;
    if (item.kind === "object") layout.keys = fileLayout(item.fields, guides);
    else if (item.kind === "union") layout.variants = variantLayouts(item.variants, field, guides);
    else layout.isFlowList = true;
  }
  return layout;
}

function variantLayouts(variants: readonly FieldShape[], field: SchemaField, guides: FieldGuides): VariantLayout[] {
  const variantGuides = guides[field.path]?.variants ?? [];
  return variants.map((variant, index) => {
    const guide = variantGuides[index];
    if (!guide) throw new Error(`internal error, please report: ${field.path} has no guide for its variant ${index + 1}`);
    if (variant.kind !== "object") return { type: guide.type, wrap: guide.wrap?.name ?? "value" };
    return { type: guide.type, keys: fileLayout(variant.fields, guides), requiredKeys: variant.fields.filter((child) => child.isRequired).map((child) => child.name) };
  });
}
