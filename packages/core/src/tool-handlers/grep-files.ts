import { stat } from "node:fs/promises";
import path from "node:path";
import { type ProcessResult, startProcess } from "@codex-ts/process";
import { ToolArguments } from "./arguments.js";
import { describeIoError } from "./file-lines.js";
import { ToolCallError } from "./tool-call-error.js";

export const GREP_FILES_DEFAULT_LIMIT = 100;
export const GREP_FILES_MAX_LIMIT = 2000;
export const GREP_FILES_TIMEOUT_MS = 30_000;
export const GREP_FILES_NO_MATCHES = "No matches found.";

export interface GrepFilesRequest {
  pattern: string;
  include: string | undefined;
  path: string | undefined;
  limit: number;
}

export interface GrepFilesOptions {
  /** The turn's working directory: rg runs there and a relative `path` resolves against it. */
  cwd: string;
  signal?: AbortSignal;
  /** The ripgrep binary; default the one shipped in @vscode/ripgrep. */
  rgPath?: string;
  /** Give up after this long; default 30 s. */
  timeoutMs?: number;
}

/** Parses and validates grep_files' JSON arguments. */
export function parseGrepFilesArguments(argumentsJson: string): GrepFilesRequest {
  const args = ToolArguments.parse(argumentsJson);
  const pattern = args.requiredString("pattern").trim();
  const include = args.optionalString("include")?.trim() || undefined;
  const searchPath = args.optionalString("path");
  const limit = args.unsignedInteger("limit", GREP_FILES_DEFAULT_LIMIT);
  if (pattern === "") throw new ToolCallError("pattern must not be empty");
  if (limit === 0) throw new ToolCallError("limit must be greater than zero");
  return { pattern, include, path: searchPath, limit: Math.min(limit, GREP_FILES_MAX_LIMIT) };
}

/**
 * The grep_files tool: the files whose contents match `pattern` (ripgrep regex), most recently modified
 * first, one per line, at most `limit`; `No matches found.` when there are none.
 */
export async function runGrepFiles(argumentsJson: string, options: GrepFilesOptions): Promise<string> {
  const request = parseGrepFilesArguments(argumentsJson);
  const searchPath = request.path ? path.resolve(options.cwd, request.path) : options.cwd;
  try {
    await stat(searchPath);
  } catch (error) {
    throw new ToolCallError(`unable to access \`${searchPath}\`: ${describeIoError(error)}`, { cause: error });
  }

  // Loaded on first use: resolving the platform binary costs start-up time every other path would pay.
  const rg = options.rgPath ?? (await import("@vscode/ripgrep")).rgPath;
  const argv = [
    rg,
    "--files-with-matches",
    "--sortr=modified",
    "--regexp",
    request.pattern,
    "--no-messages",
  ];
  if (request.include) argv.push("--glob", request.include);
  argv.push("--", searchPath);

  const result = await runRipgrep(argv, options);
  if (result.exitCode === 1) return GREP_FILES_NO_MATCHES;
  if (result.exitCode !== 0) throw new ToolCallError(`rg failed: ${result.stderr.toString("utf8")}`);
  const files = parseFileList(result.stdout, request.limit);
  return files.length === 0 ? GREP_FILES_NO_MATCHES : files.join("\n");
}

async function runRipgrep(argv: string[], options: GrepFilesOptions): Promise<ProcessResult> {
  const timeoutMs = options.timeoutMs ?? GREP_FILES_TIMEOUT_MS;
  const child = startProcess({
    command: argv,
    cwd: options.cwd,
    stdin: "ignore",
    retainOutput: true,
    timeoutMs,
    killGraceMs: 500,
  });
  const onAbort = () => void child.terminate({ graceMs: 0 });
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  try {
    const result = await child.exited;
    if (result.timedOut) throw new ToolCallError(`rg timed out after ${Math.round(timeoutMs / 1000)} seconds`);
    if (result.terminated) throw new ToolCallError("rg was aborted");
    return result;
  } catch (error) {
    if (error instanceof ToolCallError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolCallError(`failed to launch ripgrep at \`${argv[0]}\`: ${reason}`, { cause: error });
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** Non-empty UTF-8 lines of rg's output, at most `limit`. Paths that are not valid UTF-8 are skipped. */
function parseFileList(stdout: Buffer, limit: number): string[] {
  const files: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  while (start < stdout.length && files.length < limit) {
    let end = stdout.indexOf(0x0a, start);
    if (end === -1) end = stdout.length;
    const line = stdout.subarray(start, end);
    start = end + 1;
    if (line.length === 0) continue;
    try {
      files.push(decoder.decode(line));
    } catch {
      // not representable as text for the model
    }
  }
  return files;
}
