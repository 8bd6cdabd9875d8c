import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ToolArguments } from "./arguments.js";
import { describeIoError } from "./file-lines.js";
import { ToolCallError } from "./tool-call-error.js";

export type ImageMimeType = "image/png" | "image/jpeg" | "image/gif" | "image/webp";

export interface LoadedImage {
  /** Absolute path of the image. */
  path: string;
  /** `data:<mime>;base64,<bytes>`, ready for an `input_image` content item. */
  imageUrl: string;
  /** `"original"` when the model asked for full resolution, otherwise null. */
  detail: "original" | null;
}

/**
 * The view_image tool: resolves `path` against `cwd`, checks it is a readable file in a supported format
 * (PNG, JPEG, GIF or WebP, recognised by its signature, else by its extension) and returns it as a data URL.
 * The image is passed through unchanged.
 */
export async function loadImageForModel(argumentsJson: string, options: { cwd: string }): Promise<LoadedImage> {
  const args = ToolArguments.parse(argumentsJson);
  const requested = args.requiredString("path");
  const detailValue = args.optionalString("detail");
  if (detailValue !== undefined && detailValue !== "original") {
    throw new ToolCallError(
      `view_image.detail only supports \`original\`; omit \`detail\` for the default, got \`${detailValue}\``,
    );
  }
  const imagePath = path.resolve(options.cwd, requested);

  let isFile: boolean;
  try {
    isFile = (await stat(imagePath)).isFile();
  } catch (error) {
    throw new ToolCallError(`unable to locate image at \`${imagePath}\`: ${describeIoError(error)}`, { cause: error });
  }
  if (!isFile) throw new ToolCallError(`image path \`${imagePath}\` is not a file`);

  let bytes: Buffer;
  try {
    bytes = await readFile(imagePath);
  } catch (error) {
    throw new ToolCallError(`unable to read image at \`${imagePath}\`: ${describeIoError(error)}`, { cause: error });
  }
  const mime = detectImageMimeType(bytes, imagePath);
  if (mime === null) {
    throw new ToolCallError(
      `unable to process image at \`${imagePath}\`: unsupported image format (expected PNG, JPEG, GIF or WebP)`,
    );
  }
  return {
    path: imagePath,
    imageUrl: `data:${mime};base64,${bytes.toString("base64")}`,
    detail: detailValue === "original" ? "original" : null,
  };
}

/** The image type from the file's leading bytes, falling back to its extension; null when unsupported. */
export function detectImageMimeType(bytes: Uint8Array, fileName = ""): ImageMimeType | null {
  const ascii = (start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString("latin1");
  if (bytes.length >= 8 && ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (bytes.length >= 6 && (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a")) return "image/gif";
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  switch (path.extname(fileName).toLowerCase()) {
    case ".png":
      return "image/png";
    case ".jpg":
    case ".jpeg":
      return "image/jpeg";
    case ".gif":
      return "image/gif";
    case ".webp":
      return "image/webp";
    default:
      return null;
  }
}
