/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}

/** A CDATA section; "]]>" inside the text is split so it cannot close the section early. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** An element with escaped text, or "" when there is no text. */
export function element(name: string, text: string | undefined, attributes: Record<string, string | number | undefined> = {}): string {
  if (text === undefined) return "";
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

export function attributeList(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");
}
