/**
 * The arguments of a shortcode or template tag, as WordPress, Liquid,
 * Nunjucks and Hugo write them: quoted or bare positional values, and
 * named ones as key="value", key='value', key=value or key: "value",
 * separated by spaces or commas.
 */
export interface TagArguments {
  positional: string[];
  named: Map<string, string>;
}

const ARGUMENT = /([\w-]+)\s*[=:]\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|“([^”]*)”|([^\s,"'\]]+))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|“([^”]*)”|([^\s,"'=]+)/g;

export function parseTagArguments(text: string): TagArguments {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (const match of text.matchAll(ARGUMENT)) {
    if (match[1] !== undefined) named.set(match[1].toLowerCase(), unescape(match[2] ?? match[3] ?? match[4] ?? match[5] ?? ""));
    else positional.push(unescape(match[6] ?? match[7] ?? match[8] ?? match[9] ?? ""));
  }
  return { positional, named };
}

function unescape(value: string): string {
  return value.replace(/\\(["'\\])/g, "$1");
}
