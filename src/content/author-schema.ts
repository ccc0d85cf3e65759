import { z } from "zod";
import { aliasPath, relativePath, text } from "./fields.ts";

/** The frontmatter of `content/authors/<id>.md`; the body is the short bio. */
export const authorSchema = z
  .object({
    name: text("name"),
    /** A desk ("News desk") signs articles but is not a person. */
    type: z.enum(["person", "desk"], { error: 'type must be "person" or "desk"' }).default("person"),
    role: text("role").optional(),
    photo: z
      .object({ src: relativePath("photo.src"), alt: text("photo.alt") })
      .strict()
      .optional(),
    /** Old addresses of this author's page ("/author/maria/"): they redirect here. */
    aliases: z.array(aliasPath, { error: "aliases must be a list of paths, like [/author/maria/]" }).default([]),
  })
  .strict();

export type AuthorFrontmatter = z.output<typeof authorSchema>;
