import { createReadStream } from "node:fs";

/**
 * Yields the lines of a file as raw bytes, without the `\n` (and a `\r` before it). A final line without a
 * newline is yielded too; an empty file yields nothing. Stops reading when the consumer stops iterating.
 */
export async function* readFileLines(path: string): AsyncGenerator<Buffer> {
  const stream = createReadStream(path);
  let pending: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
        pending.push(chunk.subarray(start, newline));
        yield stripCarriageReturn(Buffer.concat(pending));
        pending = [];
        start = newline + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
    if (pending.length > 0) yield Buffer.concat(pending);
  } finally {
    stream.destroy();
  }
}

function stripCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}

/** The message of a filesystem error the way the model sees it: `No such file or directory (os error 2)`. */
export function describeIoError(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  const known = IO_ERROR_TEXT[err?.code ?? ""];
  if (known) return known;
  return err instanceof Error ? err.message : String(error);
}

const IO_ERROR_TEXT: Record<string, string> = {
  ENOENT: "No such file or directory (os error 2)",
  EACCES: "Permission denied (os error 13)",
  EPERM: "Operation not permitted (os error 1)",
  EISDIR: "Is a directory (os error 21)",
  ENOTDIR: "Not a directory (os error 20)",
  ELOOP: "Too many levels of symbolic links (os error 40)",
  ENAMETOOLONG: "File name too long (os error 36)",
};
