import { type AbsolutePath, absolutePath, isAbsolutePath } from "@codex-ts/utils-absolute-path";
import { z } from "zod";

/** Validates an absolute path string on the wire and yields it normalised as an `AbsolutePath`. */
export const absolutePathSchema: z.ZodType<AbsolutePath> = z
  .string()
  .refine((value) => value.length > 0 && isAbsolutePath(value), {
    message: "expected an absolute path",
  })
  .transform((value) => absolutePath(value));
