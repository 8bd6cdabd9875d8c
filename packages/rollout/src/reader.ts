import { open, readFile } from "node:fs/promises";
import {
  InvalidRolloutLineError,
  type ParsedRolloutLine,
  type SessionMeta,
  parseRolloutLine,
  sessionMetaSchema,
} from "@codex-ts/protocol";
import { RolloutError } from "./errors.js";

/** One line of a rollout, typed when this version knows it (see `parseRolloutLine`), with its 1-based line number. */
export type RolloutRecord = ParsedRolloutLine & { lineNumber: number };

/** A line that could not be read, located as `file:line`. */
export interface RolloutIssue {
  path: string;
  lineNumber: number;
  /** `path:line: reason`. */
  message: string;
}

export interface RolloutContents {
  path: string;
  records: RolloutRecord[];
  /** Payload of the first `session_meta` line, when there is one. */
  meta?: SessionMeta;
  /** Lines skipped because they are not JSON or not rollout lines (the last line excepted, see `truncatedTail`). */
  issues: RolloutIssue[];
  /** True when the file ended in a partial line, as a crash mid-write leaves; that line is ignored. */
  truncatedTail: boolean;
}

export interface ReadRolloutOptions {
  /** Throw `RolloutError` (`corrupt_line`) at the first unreadable line instead of reporting it in `issues`. */
  strict?: boolean;
}

/**
 * Reads every line of a rollout. A partial last line (no newline, not valid JSON) is a crash artefact and is
 * skipped silently; other unreadable lines are reported with `file:line`. Unknown line types are kept.
 */
export async function readRollout(path: string, options: ReadRolloutOptions = {}): Promise<RolloutContents> {
  const text = await readFile(path, "utf8");
  const lines = text.split("\n");
  const endsWithNewline = text.endsWith("\n");
  const contents: RolloutContents = { path, records: [], issues: [], truncatedTail: false };
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    if (raw.trim() === "") continue;
    const lineNumber = index + 1;
    const isLast = index === lines.length - 1 && !endsWithNewline;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      if (isLast) {
        contents.truncatedTail = true;
        continue;
      }
      report(contents, options, lineNumber, `not valid JSON (${(error as Error).message})`);
      continue;
    }
    try {
      const parsed = parseRolloutLine(value);
      contents.records.push({ ...parsed, lineNumber });
      if (!contents.meta && parsed.line.type === "session_meta") {
        const meta = sessionMetaSchema.safeParse(parsed.line.payload);
        if (meta.success) contents.meta = parsed.line.payload as SessionMeta;
      }
    } catch (error) {
      if (!(error instanceof InvalidRolloutLineError)) throw error;
      report(contents, options, lineNumber, error.message);
    }
  }
  return contents;
}

function report(contents: RolloutContents, options: ReadRolloutOptions, lineNumber: number, reason: string): void {
  const message = `${contents.path}:${lineNumber}: ${reason}`;
  if (options.strict) throw new RolloutError("corrupt_line", message);
  contents.issues.push({ path: contents.path, lineNumber, message });
}

const HEAD_CHUNK = 64 * 1024;
const HEAD_LIMIT = 16 * 1024 * 1024;

/**
 * The `session_meta` payload from a rollout's first line, reading no further than that line; undefined when the
 * first line is missing, unreadable or of another type.
 */
export async function readSessionMeta(path: string): Promise<SessionMeta | undefined> {
  const handle = await open(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(HEAD_CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_CHUNK, total);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      const newline = chunk.indexOf(0x0a);
      if (newline >= 0) {
        chunks.push(chunk.subarray(0, newline));
        break;
      }
      chunks.push(chunk);
      total += bytesRead;
      if (total > HEAD_LIMIT) return undefined;
    }
    const first = Buffer.concat(chunks).toString("utf8");
    const value = JSON.parse(first) as { type?: unknown; payload?: unknown };
    if (value?.type !== "session_meta") return undefined;
    const meta = sessionMetaSchema.safeParse(value.payload);
    return meta.success ? (value.payload as SessionMeta) : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
