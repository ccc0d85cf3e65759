import { parseArgs, type ParseArgsConfig } from "node:util";
import { closestMatch } from "../diagnostics/suggest.ts";

/**
 * A command's arguments as `parseArgs` reads them (`config.args`, else the
 * process's). `--help` prints `usage` and exits. An argument the command does
 * not take (a mistyped option, a missing value) is told in one line, with the
 * option meant when one is close, then the usage, and the command exits with
 * code 2: an editor who typed `npm run build -- --prevew` gets a line to act
 * on, not Node's stack trace.
 */
export function commandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes("--help")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    const problem = usageProblem(error, Object.keys(config.options ?? {}));
    if (problem === undefined) throw error;
    console.error(`${problem}\n${usage}`);
    process.exit(2);
  }
}

/** What is wrong with a command line, from `parseArgs`'s error (undefined: another error); `options` are the names the command takes. */
export function usageProblem(error: unknown, options: readonly string[]): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return undefined;
  const message = (error as Error).message;
  if (code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return message;
  const option = /'([^']+)'/.exec(message)?.[1] ?? "";
  const meant = closestMatch(option.replace(/^-+/, "").split("=")[0]!, options);
  return `unknown option ${option}${meant ? ` (did you mean --${meant}?)` : ""}; the options are ${options.map((name) => `--${name}`).join(", ")}`;
}
