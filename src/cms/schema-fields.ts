import { z } from "zod";
import { timestamp } from "../content/fields.ts";

/**
 * A content schema's fields as a CMS needs them, read from zod 4's JSON
 * Schema of what an editor writes (`io: "input"`): the file's keys in schema
 * order, whether each must be written, and its shape. Rules JSON Schema
 * cannot carry (refinements, rules across fields) are not here; the field
 * guides add what a form needs of them (src/cms/field-guides.ts).
 */
export interface SchemaField {
  /** The key in the file. */
  name: string;
  /** From the file's root, a list's items as `[]`: "hero.src", "corrections[].date". */
  path: string;
  isRequired: boolean;
  default?: unknown;
  shape: FieldShape;
}

export type FieldShape =
  | { kind: "text"; pattern?: string; minLength?: number }
  | { kind: "timestamp" }
  | { kind: "boolean" }
  | { kind: "number"; isInteger: boolean; minimum?: number; maximum?: number }
  | { kind: "choice"; options: readonly string[] }
  | { kind: "object"; fields: SchemaField[] }
  | { kind: "list"; item: FieldShape; minItems?: number }
  /** One of several shapes; each variant keeps the path of the union. */
  | { kind: "union"; variants: FieldShape[] }
  /** A map from names to values (`tagLabels: { us-politics: "US politics" }`). */
  | { kind: "record"; value: FieldShape };

/** JSON Schema has no type for "a date and time with its offset"; our timestamps are marked with this format. */
const TIMESTAMP_FORMAT = "newsroom-timestamp";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  $ref?: string;
};

/** The fields of a strict object schema (an article's, author's, page's frontmatter, or the site settings). */
export function schemaFields(schema: z.ZodObject): SchemaField[] {
  const json = z.toJSONSchema(schema, {
    io: "input",
    // Transforms (tags, aliases) are described by what they accept.
    unrepresentable: "any",
    reused: "inline",
    override: (context) => {
      // The one timestamp type of src/content/fields.ts, recognised by identity wherever it is used.
      if (context.zodSchema === timestamp) (context.jsonSchema as JsonSchema).format = TIMESTAMP_FORMAT;
    },
  }) as JsonSchema;
  return objectFields(json, "");
}

function objectFields(json: JsonSchema, parentPath: string): SchemaField[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const path = parentPath ? `${parentPath}.${name}` : name;
    return {
      name,
      path,
      isRequired: required.has(name),
      ...(property.default !== undefined ? { default: property.default } : {}),
      shape: shapeOf(property, path),
    };
  });
}

function shapeOf(json: JsonSchema, path: string): FieldShape {
  if (json.$ref) throw new Error(`internal error, please report: ${path} is a reference, which the CMS fields do not follow`);
  if (json.anyOf) return { kind: "union", variants: json.anyOf.map((variant) => shapeOf(variant, path)) };
  if (json.enum) return { kind: "choice", options: json.enum.map(String) };
  const types = new Set(Array.isArray(json.type) ? json.type : [json.type]);
  // A tag may be written as a number ("2016"); it reads as its digits, so a form asks for text.
  if (types.has("string")) return textShape(json);
  if (types.has("boolean")) return { kind: "boolean" };
  if (types.has("number") || types.has("integer")) {
    return { kind: "number", isInteger: types.has("integer"), ...pick(json, ["minimum", "maximum"]) };
  }
  if (types.has("array")) {
    if (!json.items) throw new Error(`internal error, please report: ${path} is a list of nothing`);
    return { kind: "list", item: shapeOf(json.items, `${path}[]`), ...pick(json, ["minItems"]) };
  }
  if (types.has("object")) {
    if (json.properties) return { kind: "object", fields: objectFields(json, path) };
    if (typeof json.additionalProperties === "object") return { kind: "record", value: shapeOf(json.additionalProperties, `${path}{}`) };
  }
  throw new Error(`internal error, please report: the CMS has no field for ${path} (${JSON.stringify(json)})`);
}

function textShape(json: JsonSchema): FieldShape {
  if (json.format === TIMESTAMP_FORMAT) return { kind: "timestamp" };
  return { kind: "text", ...pick(json, ["pattern", "minLength"]) };
}

function pick<K extends keyof JsonSchema>(json: JsonSchema, keys: readonly K[]): Pick<JsonSchema, K> {
  return Object.fromEntries(keys.filter((key) => json[key] !== undefined).map((key) => [key, json[key]])) as Pick<JsonSchema, K>;
}

/**
 * Every path of the fields, depth first: a list's items as `path[]`, a
 * map's values as `path{}`. The list a CMS configuration is compared with.
 */
export function fieldPaths(fields: readonly SchemaField[]): string[] {
  return [...new Set(fields.flatMap((field) => [field.path, ...innerPaths(field.shape, field.path)]))];
}

function innerPaths(shape: FieldShape, path: string): string[] {
  if (shape.kind === "object") return fieldPaths(shape.fields);
  if (shape.kind === "list") return [`${path}[]`, ...innerPaths(shape.item, `${path}[]`)];
  if (shape.kind === "union") return shape.variants.flatMap((variant) => innerPaths(variant, path));
  if (shape.kind === "record") return [`${path}{}`, ...innerPaths(shape.value, `${path}{}`)];
  return [];
}
