import path from "node:path";
import { takeBytesAtCharBoundary } from "@codex-ts/utils-string";
import { ToolArguments } from "./arguments.js";
import { describeIoError, readFileLines } from "./file-lines.js";
import { ToolCallError } from "./tool-call-error.js";

/** Lines longer than this many bytes are cut (on a character boundary). */
export const READ_FILE_MAX_LINE_BYTES = 500;
/** Lines returned when `limit` is not given. */
export const READ_FILE_DEFAULT_LIMIT = 2000;
/** Columns a tab counts for when measuring indentation. */
const TAB_WIDTH = 4;
/** Line prefixes treated as comments when `include_header` looks above a block. */
const COMMENT_PREFIXES = ["#", "//", "--"];

export interface IndentationOptions {
  /** Line the block is built around; defaults to `offset`. */
  anchorLine: number | undefined;
  /** Enclosing indentation levels to include; 0 = no limit. */
  maxLevels: number;
  /** Include neighbouring blocks at the outermost included indentation. */
  includeSiblings: boolean;
  /** Include comment lines directly above the block. */
  includeHeader: boolean;
  /** Cap on returned lines; defaults to `limit`. */
  maxLines: number | undefined;
}

export interface ReadFileRequest {
  filePath: string;
  offset: number;
  limit: number;
  mode: "slice" | "indentation";
  indentation: IndentationOptions;
}

/** Parses and validates read_file's JSON arguments. */
export function parseReadFileArguments(argumentsJson: string): ReadFileRequest {
  const args = ToolArguments.parse(argumentsJson);
  const filePath = args.requiredString("file_path");
  const offset = args.unsignedInteger("offset", 1);
  const limit = args.unsignedInteger("limit", READ_FILE_DEFAULT_LIMIT);
  const modeValue = args.raw("mode");
  let mode: ReadFileRequest["mode"] = "slice";
  if (modeValue !== undefined) {
    if (modeValue !== "slice" && modeValue !== "indentation") {
      throw args.error(
        typeof modeValue === "string"
          ? `unknown variant \`${modeValue}\`, expected \`slice\` or \`indentation\``
          : "invalid type for `mode`, expected `slice` or `indentation`",
      );
    }
    mode = modeValue;
  }
  const indentation = parseIndentation(args);

  if (offset === 0) throw new ToolCallError("offset must be a 1-indexed line number");
  if (limit === 0) throw new ToolCallError("limit must be greater than zero");
  if (!path.isAbsolute(filePath)) throw new ToolCallError("file_path must be an absolute path");
  return { filePath, offset, limit, mode, indentation };
}

function parseIndentation(args: ToolArguments): IndentationOptions {
  const value = args.raw("indentation");
  const defaults: IndentationOptions = {
    anchorLine: undefined,
    maxLevels: 0,
    includeSiblings: false,
    includeHeader: true,
    maxLines: undefined,
  };
  if (value === undefined || value === null) return defaults;
  if (typeof value !== "object" || Array.isArray(value)) throw args.error("invalid type for `indentation`, expected a map");
  const nested = ToolArguments.parse(JSON.stringify(value));
  return {
    anchorLine: nested.unsignedInteger("anchor_line", undefined, { nullable: true }),
    maxLevels: nested.unsignedInteger("max_levels", 0),
    includeSiblings: nested.optionalBoolean("include_siblings") ?? false,
    includeHeader: nested.optionalBoolean("include_header") ?? true,
    maxLines: nested.unsignedInteger("max_lines", undefined, { nullable: true }),
  };
}

/** The read_file tool: numbered lines `L{n}: text` joined by newlines. Failures are `ToolCallError`s. */
export async function runReadFile(argumentsJson: string): Promise<string> {
  const request = parseReadFileArguments(argumentsJson);
  const lines =
    request.mode === "slice"
      ? await readSlice(request.filePath, request.offset, request.limit)
      : await readIndentationBlock(request.filePath, request.offset, request.limit, request.indentation);
  return lines.join("\n");
}

/** Decodes a line (invalid UTF-8 becomes U+FFFD) and cuts it to the maximum line length. */
export function formatLine(bytes: Buffer): string {
  return takeBytesAtCharBoundary(bytes.toString("utf8"), READ_FILE_MAX_LINE_BYTES);
}

async function readSlice(filePath: string, offset: number, limit: number): Promise<string[]> {
  const collected: string[] = [];
  let seen = 0;
  try {
    for await (const line of readFileLines(filePath)) {
      seen++;
      if (seen < offset) continue;
      collected.push(`L${seen}: ${formatLine(line)}`);
      if (collected.length === limit) break;
    }
  } catch (error) {
    throw new ToolCallError(`failed to read file: ${describeIoError(error)}`, { cause: error });
  }
  if (seen < offset) throw new ToolCallError("offset exceeds file length");
  return collected;
}

interface LineRecord {
  number: number;
  raw: string;
  display: string;
  indent: number;
}

async function readIndentationBlock(
  filePath: string,
  offset: number,
  limit: number,
  options: IndentationOptions,
): Promise<string[]> {
  const anchorLine = options.anchorLine ?? offset;
  if (anchorLine === 0) throw new ToolCallError("anchor_line must be a 1-indexed line number");
  const guardLimit = options.maxLines ?? limit;
  if (guardLimit === 0) throw new ToolCallError("max_lines must be greater than zero");

  const records = await collectLineRecords(filePath);
  if (records.length === 0 || anchorLine > records.length) {
    throw new ToolCallError("anchor_line exceeds file length");
  }
  const anchor = anchorLine - 1;
  const indents = effectiveIndents(records);
  const anchorIndent = indents[anchor]!;
  const minIndent = options.maxLevels === 0 ? 0 : Math.max(0, anchorIndent - options.maxLevels * TAB_WIDTH);
  const finalLimit = Math.min(limit, guardLimit, records.length);
  const numbered = (record: LineRecord) => `L${record.number}: ${record.display}`;
  if (finalLimit === 1) return [numbered(records[anchor]!)];

  const out: LineRecord[] = [records[anchor]!];
  let up = anchor - 1; // next line to take above; -1 = done
  let down = anchor + 1; // next line to take below; records.length = done
  let upAtMinIndent = 0;
  let downAtMinIndent = 0;

  while (out.length < finalLimit) {
    let progressed = false;

    if (up >= 0) {
      if (indents[up]! >= minIndent) {
        const record = records[up]!;
        let take = true;
        if (indents[up] === minIndent && !options.includeSiblings) {
          // Above the block, the first line at the outer indentation is its header (`fn x() {`); further
          // lines there belong to a sibling, except comments directly above when headers are wanted.
          take = upAtMinIndent === 0 || (options.includeHeader && isComment(record));
          if (take) upAtMinIndent++;
        }
        if (take) {
          out.unshift(record);
          progressed = true;
          up--;
          if (out.length >= finalLimit) break;
        } else {
          up = -1;
        }
      } else {
        up = -1;
      }
    }

    if (down < records.length) {
      if (indents[down]! >= minIndent) {
        let take = true;
        if (indents[down] === minIndent && !options.includeSiblings) {
          // Below, only the first line back at the outer indentation (the closing `}`) belongs to the block.
          take = downAtMinIndent === 0;
          downAtMinIndent++;
        }
        if (take) {
          out.push(records[down]!);
          progressed = true;
          down++;
        } else {
          down = records.length;
        }
      } else {
        down = records.length;
      }
    }

    if (!progressed) break;
  }

  while (out.length > 0 && out[0]!.raw.trim() === "") out.shift();
  while (out.length > 0 && out[out.length - 1]!.raw.trim() === "") out.pop();
  return out.map(numbered);
}

async function collectLineRecords(filePath: string): Promise<LineRecord[]> {
  const records: LineRecord[] = [];
  try {
    for await (const line of readFileLines(filePath)) {
      const raw = line.toString("utf8");
      records.push({ number: records.length + 1, raw, display: formatLine(line), indent: measureIndent(raw) });
    }
  } catch (error) {
    throw new ToolCallError(`failed to read file: ${describeIoError(error)}`, { cause: error });
  }
  return records;
}

/** Indentation per line, where a blank line takes the indentation of the line before it. */
function effectiveIndents(records: LineRecord[]): number[] {
  let previous = 0;
  return records.map((record) => {
    if (record.raw.trim() !== "") previous = record.indent;
    return previous;
  });
}

function measureIndent(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === " ") width += 1;
    else if (char === "\t") width += TAB_WIDTH;
    else break;
  }
  return width;
}

function isComment(record: LineRecord): boolean {
  const trimmed = record.raw.trim();
  return COMMENT_PREFIXES.some((prefix) => trimmed.startsWith(prefix));
}
