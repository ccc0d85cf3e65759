/** Types of compiled-command.mjs (plain JavaScript: it runs before anything can compile TypeScript). */
export declare const PROJECT_DIR: string;

export interface CompiledCommand {
  /** The URL of the command's compiled module. */
  url: string;
  /** The folder of the compiled layouts (`<name>.11ty.mjs`). */
  layoutsDir: string;
  /** True when this call compiled it (no kept form was current). */
  isCompiledNow: boolean;
}

export declare function compiledCommand(entry: string, options?: { projectDir?: string; cacheDir?: string }): Promise<CompiledCommand>;
