import { randomBytes } from "node:crypto";
import { copyFile, link, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A folder of content-addressed files (derivatives, placeholders): a name
 * says what the bytes are, so an existing name never needs checking or
 * rewriting. Kept outside the output so CI can restore it between builds.
 */
export class ImageCache {
  constructor(readonly dir: string) {}

  path(name: string): string {
    return path.join(this.dir, name);
  }

  async has(name: string): Promise<boolean> {
    try {
      return (await stat(this.path(name))).size > 0;
    } catch {
      return false;
    }
  }

  /** Written under a temporary name and renamed: a killed build never leaves a half file under a real name. */
  async write(name: string, data: Uint8Array | string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temporary = this.path(`.${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      await writeFile(temporary, data);
      await rename(temporary, this.path(name));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async readText(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(name), "utf8");
    } catch {
      return undefined;
    }
  }

  /**
   * Puts a cached file into the site: a hard link when the output is on the
   * same file system (no bytes copied), else a copy. An existing file of that
   * name is the same content and is left alone.
   */
  async publish(name: string, targetDir: string): Promise<"linked" | "copied" | "present"> {
    const target = path.join(targetDir, name);
    try {
      await link(this.path(name), target);
      return "linked";
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return "present";
      if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP" && code !== "EMLINK") throw error;
    }
    await copyFile(this.path(name), target);
    return "copied";
  }
}
