import { mkdir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import os from "node:os";
import path from "node:path";
import { absolutePath, type AbsolutePath } from "@codex-ts/utils-absolute-path";

export type CodexHomeErrorCode =
  | "CODEX_HOME_MISSING"
  | "CODEX_HOME_NOT_DIRECTORY"
  | "CODEX_HOME_UNREADABLE";

/** CODEX_HOME names something that cannot be used as the Codex home folder. */
export class CodexHomeError extends Error {
  constructor(
    readonly code: CodexHomeErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "CodexHomeError";
  }
}

export interface ResolveCodexHomeOptions {
  /** Environment to read `CODEX_HOME` from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Home folder used for the default `~/.codex`; defaults to `os.homedir()`. */
  homeDir?: string;
}

/**
 * Finds the Codex home folder. When `CODEX_HOME` is set (and not empty) it must name an existing folder;
 * otherwise the default `~/.codex` is used and created (mode 0700) when missing. The result is the
 * canonical path (symlinks resolved).
 */
export async function resolveCodexHome(options: ResolveCodexHomeOptions = {}): Promise<AbsolutePath> {
  const env = options.env ?? process.env;
  const configured = env.CODEX_HOME;
  if (configured !== undefined && configured !== "") {
    return canonicalExistingDirectory(configured);
  }
  const home = options.homeDir ?? os.homedir();
  const defaultHome = path.resolve(home, ".codex");
  await mkdir(defaultHome, { recursive: true, mode: 0o700 });
  return absolutePath(await realpath(defaultHome));
}

async function canonicalExistingDirectory(configured: string): Promise<AbsolutePath> {
  const resolved = path.resolve(configured);
  let info: Stats;
  try {
    info = await stat(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new CodexHomeError(
        "CODEX_HOME_MISSING",
        configured,
        `CODEX_HOME points to ${JSON.stringify(configured)}, but that path does not exist`,
      );
    }
    throw new CodexHomeError(
      "CODEX_HOME_UNREADABLE",
      configured,
      `CODEX_HOME points to ${JSON.stringify(configured)}, but that path cannot be read (${code ?? String(error)})`,
    );
  }
  if (!info.isDirectory()) {
    throw new CodexHomeError(
      "CODEX_HOME_NOT_DIRECTORY",
      configured,
      `CODEX_HOME points to ${JSON.stringify(configured)}, but that path is not a directory`,
    );
  }
  return absolutePath(await realpath(resolved));
}
