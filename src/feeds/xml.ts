/**
 * Characters XML 1.0 cannot carry at all, not even as references: C0 controls
 * other than tab, LF and CR, U+FFFE, U+FFFF and unpaired surrogates
 * (https://www.w3.org/TR/xml/#charsets). A feed holding one is not XML, so
 * feed writers leave them out.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML cannot carry. */
export function withoutNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML, "");
}

const TEXT_ESCAPES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;", "\r": "&#13;" };
/** Parsers normalise line breaks and, in attributes, tabs too: references keep them as they were. */
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, "\t": "&#9;", "\n": "&#10;" };

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return withoutNonXmlCharacters(text).replace(/[<>&"'\r]/g, (char) => TEXT_ESCAPES[char]!);
}

function escapeAttribute(text: string): string {
  return withoutNonXmlCharacters(text).replace(/[<>&"'\r\t\n]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
}

/** A CDATA section; "]]>" inside the text is split so it cannot close the section early. */
export function cdata(text: string): string {
  return `<![CDATA[${withoutNonXmlCharacters(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** An element with escaped text, or "" when there is no text. */
export function element(name: string, text: string | undefined, attributes: Record<string, string | number | undefined> = {}): string {
  if (text === undefined) return "";
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

export function attributeList(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
}
