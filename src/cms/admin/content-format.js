// The CMS's file format for our content: files are read with the `yaml`
// package as the build reads them (core schema, duplicate keys refused), and
// written as `npm run new` writes them: keys in schema order at every level,
// prose in double quotes, lists of ids on one line, nothing empty and no
// value that only restates the schema's default. Between the two, the
// schema's shapes become the forms' (a list of article ids or links becomes
// a typed list, a map a list of pairs) and back. The layouts come from
// src/cms/file-layout.ts. Runs in the browser and in Node's tests.

import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from "yaml";

/**
 * @typedef {{ name: string, isProse?: boolean, isFlowList?: boolean, keys?: KeyLayout[], isOptionalGroup?: boolean,
 *   variants?: VariantLayout[], record?: { key: string, value: string }, default?: unknown }} KeyLayout
 * @typedef {{ type: string, wrap?: string, keys?: KeyLayout[], requiredKeys?: string[] }} VariantLayout
 * @typedef {{ layout: KeyLayout[], hasBody: boolean }} ContentFormat
 */

/** Decap's name for the form's discriminator in a list of several kinds of item. */
const TYPE_KEY = "type";

/** @param {string} text */
function splitFrontmatter(text) {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  if (!source.startsWith("---\n")) return { yaml: "", body: source };
  const rest = source.slice(4);
  const end = /^---[ \t]*$/m.exec(rest);
  if (!end) return { yaml: "", body: source };
  return { yaml: rest.slice(0, end.index), body: rest.slice(end.index + end[0].length).replace(/^\n/, "") };
}

/**
 * A file's data as the CMS's form holds it.
 * @param {string} text @param {ContentFormat} format
 */
export function readContentFile(text, { layout, hasBody }) {
  const { yaml, body } = hasBody ? splitFrontmatter(text) : { yaml: text, body: "" };
  const document = parseDocument(yaml, { uniqueKeys: true });
  if (document.errors.length > 0) throw new Error(document.errors[0].message);
  const data = document.toJS() ?? {};
  const fields = isPlainObject(data) ? toForm(data, layout) : {};
  return hasBody ? { ...fields, body } : fields;
}

/**
 * The file for the form's data.
 * @param {Record<string, unknown>} data @param {ContentFormat} format
 */
export function writeContentFile(data, { layout, hasBody }) {
  const { body, ...fields } = data;
  const yaml = yamlText(fromForm(fields, layout), layout);
  if (!hasBody) return yaml;
  const text = typeof body === "string" ? body : "";
  return `---\n${yaml}---\n${text && !text.endsWith("\n") ? `${text}\n` : text}`;
}

/** @param {Record<string, unknown>} values @param {KeyLayout[]} layout */
function toForm(values, layout) {
  /** @type {Record<string, unknown>} */
  const form = { ...values };
  for (const key of layout) {
    const value = values[key.name];
    if (value !== undefined && value !== null) form[key.name] = valueToForm(value, key);
  }
  return form;
}

/** @param {unknown} value @param {KeyLayout} key */
function valueToForm(value, key) {
  if (key.record && isPlainObject(value)) {
    const { key: name, value: held } = key.record;
    return Object.entries(value).map(([entry, entryValue]) => ({ [name]: entry, [held]: entryValue }));
  }
  if (key.variants && Array.isArray(value)) {
    return value.map((item) => {
      const variant = variantOf(item, key.variants);
      if (!variant) return item;
      if (variant.wrap) return { [TYPE_KEY]: variant.type, [variant.wrap]: item };
      return { [TYPE_KEY]: variant.type, ...toForm(item, variant.keys ?? []) };
    });
  }
  if (key.keys && Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? toForm(item, key.keys) : item));
  if (key.keys && isPlainObject(value)) return key.isOptionalGroup ? [toForm(value, key.keys)] : toForm(value, key.keys);
  return value;
}

/** Which kind a file's list item is: a plain value is the wrapped variant; an object the variant whose required keys it has. */
function variantOf(/** @type {unknown} */ item, /** @type {VariantLayout[]} */ variants) {
  if (!isPlainObject(item)) return variants.find((variant) => variant.wrap);
  return variants.find((variant) => variant.requiredKeys && variant.requiredKeys.every((name) => name in item));
}

/**
 * The form's values in the schema's shapes, keys in schema order, empty
 * values and restated defaults left out; keys the layout does not know
 * (a misspelt key from a hand-edited file) are kept, after the rest, for
 * the checker to report.
 * @param {Record<string, unknown>} values @param {KeyLayout[]} layout
 */
function fromForm(values, layout) {
  /** @type {Record<string, unknown>} */
  const file = {};
  for (const key of layout) {
    const value = valueFromForm(values[key.name], key);
    if (!isEmpty(value) && !isDefault(value, key)) file[key.name] = value;
  }
  for (const [name, value] of Object.entries(values)) {
    if (!(name in file) && !layout.some((key) => key.name === name) && !isEmpty(value)) file[name] = value;
  }
  return file;
}

/** @param {unknown} value @param {KeyLayout} key */
function valueFromForm(value, key) {
  if (key.record && Array.isArray(value)) {
    const { key: name, value: held } = key.record;
    return Object.fromEntries(value.filter((pair) => isPlainObject(pair) && !isEmpty(pair[name])).map((pair) => [pair[name], pair[held]]));
  }
  if (key.variants && Array.isArray(value)) {
    return value.map((item) => {
      const variant = isPlainObject(item) ? key.variants.find((candidate) => candidate.type === item[TYPE_KEY]) : undefined;
      if (!variant || !isPlainObject(item)) return item;
      return variant.wrap ? item[variant.wrap] : fromForm(withoutType(item), variant.keys ?? []);
    }).filter((item) => !isEmpty(item));
  }
  if (key.isOptionalGroup && Array.isArray(value)) return isPlainObject(value[0]) && key.keys ? fromForm(value[0], key.keys) : undefined;
  if (key.keys && Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? fromForm(item, key.keys) : item)).filter((item) => !isEmpty(item));
  if (key.keys && isPlainObject(value)) return fromForm(value, key.keys);
  if (Array.isArray(value)) return value.filter((item) => !isEmpty(item));
  return value;
}

/** @param {Record<string, unknown>} item */
function withoutType(item) {
  const { [TYPE_KEY]: _type, ...rest } = item;
  return rest;
}

/**
 * YAML as `npm run new` writes it: block mappings, prose double-quoted,
 * lists of plain values in flow style, no line folding.
 * @param {Record<string, unknown>} data @param {KeyLayout[]} layout
 */
function yamlText(data, layout) {
  if (Object.keys(data).length === 0) return "";
  const document = new Document(data);
  styleMap(document.contents, layout);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** @param {unknown} node @param {KeyLayout[]} layout */
function styleMap(node, layout) {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = layout.find((candidate) => isScalar(pair.key) && candidate.name === pair.key.value);
    if (key) styleValue(pair.value, key);
  }
}

/** @param {unknown} node @param {KeyLayout} key */
function styleValue(node, key) {
  if (key.isProse && isScalar(node) && typeof node.value === "string") node.type = Scalar.QUOTE_DOUBLE;
  if (!isSeq(node)) {
    if (key.keys) styleMap(node, key.keys);
    return;
  }
  if (key.isFlowList) node.flow = true;
  for (const item of node.items) {
    if (key.keys) styleMap(item, key.keys);
    if (key.variants && isMap(item)) {
      const names = item.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined));
      const variant = key.variants.find((candidate) => candidate.requiredKeys && candidate.requiredKeys.every((name) => names.includes(name)));
      if (variant?.keys) styleMap(item, variant.keys);
    }
  }
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function isEmpty(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every(isEmpty);
  return false;
}

/** @param {unknown} value @param {KeyLayout} key */
function isDefault(value, key) {
  return key.default !== undefined && JSON.stringify(value) === JSON.stringify(key.default);
}
