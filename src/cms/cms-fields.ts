import type { z } from "zod";
import type { FieldGuide, FieldGuides, VariantGuide, WidgetGuide } from "./field-guides.ts";
import { fieldPaths, type FieldShape, type SchemaField } from "./schema-fields.ts";
import { describedAs, ruleMessage } from "./schema-messages.ts";

/** A field of Decap CMS's configuration (https://decapcms.org/docs/widgets/), as far as we write them. */
export interface DecapField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  /** [regular expression, the message shown when the value does not match it] */
  pattern?: [string, string];
  fields?: DecapField[];
  field?: DecapField;
  types?: DecapField[];
  summary?: string;
  [option: string]: unknown;
}

/** The widget of our own that writes dates in the site's zone (src/cms/admin/zoned-datetime-widget.js). */
export const DATETIME_WIDGET = "newsroom-datetime";

/** The field holding a map's value in the pairs the CMS edits. */
export const RECORD_VALUE = "value";

/** A value no JSON Schema pattern of ours accepts: probing with it gives a pattern's message. */
const PATTERN_PROBE = "City Hall";

export interface FieldContext {
  /** The schema the fields come from: its messages become the CMS's. */
  schema: z.ZodType;
  guides: FieldGuides;
  timeZone: string;
  /** Where content/ is, from the repository's root ("content"): file widgets save into its media folders. */
  contentDir: string;
}

/**
 * The CMS fields of a schema's fields, in schema order. Every guide must
 * name a field of the schema: a guide left behind by a renamed field fails
 * here, when the configuration is made.
 */
export function cmsFields(fields: readonly SchemaField[], context: FieldContext): DecapField[] {
  const known = new Set(fieldPaths(fields));
  const stray = Object.keys(context.guides).filter((path) => !known.has(path));
  if (stray.length > 0) throw new Error(`internal error, please report: CMS field guides for fields the schema does not have: ${stray.join(", ")}`);
  return fields.map((field) => cmsField(field, context));
}

function cmsField(field: SchemaField, context: FieldContext, override: FieldGuide = {}): DecapField {
  const guide = { ...context.guides[field.path], ...override };
  const hint = guide.hint ?? describedAs(context.schema, field.path);
  return {
    name: field.name,
    label: guide.label ?? sentenceCase(field.name),
    // Decap treats a field without `required` as required.
    required: field.isRequired || guide.isRequired === true,
    ...(hint ? { hint } : {}),
    ...(field.default !== undefined && !isEmpty(field.default) ? { default: field.default } : {}),
    ...widgetFor(field, guide, context),
  };
}

/** What a field is besides its name and label: the widget and its options. */
interface Widget {
  widget: string;
  pattern?: [string, string];
  [option: string]: unknown;
}

function widgetFor(field: SchemaField, guide: FieldGuide, context: FieldContext): Widget {
  const { shape, path } = field;
  switch (shape.kind) {
    case "text":
      return { ...textWidget(guide, context.contentDir), ...patternOf(path, shape.pattern, guide, context) };
    case "timestamp":
      // The widget's message for a value without an offset: the schema's, for any value.
      return { widget: DATETIME_WIDGET, time_zone: context.timeZone, invalid_message: ruleMessage(context.schema, path, "2026-03-14 09:30") };
    case "boolean":
      return { widget: "boolean", default: field.default ?? false };
    case "number":
      return { widget: "number", value_type: shape.isInteger ? "int" : "float", ...(shape.minimum !== undefined ? { min: shape.minimum } : {}), ...(shape.maximum !== undefined ? { max: shape.maximum } : {}) };
    case "choice":
      return { widget: "select", options: [...shape.options] };
    case "object":
      if (isOptionalGroup(field, context.guides)) {
        // Decap checks an object's required fields even when the whole object is left empty; a list of at most one
        // asks for them only once the editor adds it ("Add hero photograph"). The file format writes it as the object.
        return { widget: "list", max: 1, collapsed: false, label_singular: guide.label ?? sentenceCase(field.name), fields: shape.fields.map((child) => cmsField(child, context)) };
      }
      return { widget: "object", fields: shape.fields.map((child) => cmsField(child, context)) };
    case "list":
      return listWidget(field, shape, guide, context);
    case "record":
      return recordWidget(path, shape, guide, context);
    case "union":
      throw new Error(`internal error, please report: the CMS has no field for ${path}, one of several shapes outside a list`);
  }
}

function textWidget(guide: FieldGuide, contentDir: string): Widget {
  const { widget } = guide;
  if (widget) return widgetOf(widget, contentDir);
  return { widget: guide.isMultiline ? "text" : "string" };
}

function widgetOf(widget: WidgetGuide, contentDir: string, multiple = false): Widget {
  switch (widget.kind) {
    case "relation":
      // An entry's id is its file name: the relation stores that ({{slug}}), never a title.
      return { widget: "relation", collection: widget.collection, value_field: "{{slug}}", search_fields: [...widget.searchFields], display_fields: [...widget.displayFields], ...(multiple ? { multiple: true } : {}) };
    case "image":
      return { widget: "image", choose_url: false };
    case "file":
      // Saved in content/<folder>/ and written from beside it, as ../audio/x.mp3.
      return { widget: "file", choose_url: false, media_folder: `/${contentDir}/${widget.folder}`, public_folder: `../${widget.folder}` };
    case "choice":
      return { widget: "select", options: [...widget.options] };
  }
}

/** A rule on a text field: the JSON Schema's pattern, or a guide's for a rule written as a refinement; the schema's words either way. */
function patternOf(path: string, jsonPattern: string | undefined, guide: FieldGuide, context: FieldContext): Pick<DecapField, "pattern"> {
  if (guide.widget) return {};
  if (guide.pattern) return { pattern: [guide.pattern.regex.source, ruleMessage(context.schema, path, guide.pattern.probe)] };
  if (jsonPattern) return { pattern: [jsonPattern, ruleMessage(context.schema, path, PATTERN_PROBE)] };
  return {};
}

function listWidget(field: SchemaField, shape: Extract<FieldShape, { kind: "list" }>, guide: FieldGuide, context: FieldContext): Widget {
  const bounds = shape.minItems ? { min: shape.minItems } : {};
  const { item } = shape;
  const itemPath = `${field.path}[]`;
  if (guide.widget) return { ...widgetOf(guide.widget, context.contentDir, true), ...bounds };
  if (item.kind === "union") return { widget: "list", ...bounds, types: variantFields(field.path, item.variants, guide.variants, context) };
  if (item.kind === "object") return { widget: "list", ...bounds, fields: item.fields.map((child) => cmsField(child, context)) };
  if (item.kind === "record") throw new Error(`internal error, please report: ${itemPath} is a map inside a list`);
  if (guide.isCommaList) return { widget: "list", ...bounds };
  return { widget: "list", ...bounds, field: cmsField({ name: "item", path: itemPath, isRequired: true, shape: item }, context, { label: guide.label ?? sentenceCase(field.name) }) };
}

/** A list whose items take several shapes: one CMS type per variant; a variant written as a plain value is held in a field of its own. */
function variantFields(path: string, variants: readonly FieldShape[], guides: readonly VariantGuide[] | undefined, context: FieldContext): DecapField[] {
  if (!guides || guides.length !== variants.length) throw new Error(`internal error, please report: ${path} has ${variants.length} kinds of item and ${guides?.length ?? 0} variant guides`);
  return variants.map((variant, index) => {
    const { type, label, wrap } = guides[index]!;
    if (variant.kind === "object") return { name: type, label, widget: "object", fields: variant.fields.map((child) => cmsField(child, context)) };
    if (!wrap) throw new Error(`internal error, please report: the ${type} items of ${path} are plain values and need a wrap field`);
    const held: SchemaField = { name: wrap.name, path: `${path}[]`, isRequired: true, shape: variant };
    return { name: type, label, widget: "object", fields: [cmsField(held, context, { label: wrap.label, ...(wrap.widget ? { widget: wrap.widget } : {}) })] };
  });
}

/** A map (`tagLabels`) edited as a list of pairs; the file format turns them back into a map. */
function recordWidget(path: string, shape: Extract<FieldShape, { kind: "record" }>, guide: FieldGuide, context: FieldContext): Widget {
  if (!guide.record) throw new Error(`internal error, please report: ${path} is a map and needs a record guide`);
  const key: DecapField = { name: guide.record.key, label: guide.record.keyLabel, widget: "string", required: true };
  const value = cmsField({ name: RECORD_VALUE, path: `${path}{}`, isRequired: true, shape: shape.value }, context, { label: guide.record.valueLabel });
  return { widget: "list", fields: [key, value], summary: `{{fields.${guide.record.key}}}: {{fields.${RECORD_VALUE}}}` };
}

/**
 * An object the file may leave out, with fields it must have once it is
 * written (a hero needs its photo): edited as a list of at most one.
 */
export function isOptionalGroup(field: SchemaField, guides: FieldGuides): boolean {
  const { shape } = field;
  if (field.isRequired || shape.kind !== "object") return false;
  return shape.fields.some((child) => child.isRequired || guides[child.path]?.isRequired === true);
}

function sentenceCase(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === "object" && value !== null && Object.keys(value).length === 0);
}
