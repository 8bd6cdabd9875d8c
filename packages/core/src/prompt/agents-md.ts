// Instructions from AGENTS.md files: the global one in $CODEX_HOME and the project ones from the project
// root down to the working directory, within `project_doc_max_bytes`.
import { readFile, stat } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";

export const DEFAULT_PROJECT_DOC_MAX_BYTES = 32 * 1024;
export const AGENTS_MD = "AGENTS.md";
export const AGENTS_OVERRIDE_MD = "AGENTS.override.md";
/** Separates the global instructions from the project's in the combined text. */
export const PROJECT_DOC_SEPARATOR = "\n\n--- project-doc ---\n\n";

export interface InstructionSource {
  path: string;
  text: string;
}

export interface AgentsMdOptions {
  codexHome: string;
  cwd: string;
  /** Directory where the project starts (the git root); defaults to `cwd`. */
  projectRoot?: string;
  /** Byte budget for the project files together; 0 disables them. */
  maxBytes?: number;
  /** Extra names tried after AGENTS.md in each directory (`project_doc_fallback_filenames`). */
  fallbackFilenames?: readonly string[];
}

export interface UserInstructions {
  /** The text for the model, or null when there is none. */
  text: string | null;
  /** Files that contributed, global first. */
  sources: InstructionSource[];
}

async function readIfFile(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The first of `names` that exists as a file in `dir`. */
async function firstExisting(dir: string, names: readonly string[]): Promise<InstructionSource | undefined> {
  for (const name of names) {
    const path = join(dir, name);
    const text = await readIfFile(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** Directories from `root` down to `cwd` (just `cwd` when it is not inside `root`). */
export function directoriesFromRoot(root: string, cwd: string): string[] {
  const from = resolve(root);
  const to = resolve(cwd);
  const rel = relative(from, to);
  if (rel.startsWith("..") || resolve(from, rel) !== to) return [to];
  const dirs = [from];
  let current = from;
  for (const part of rel.split(sep).filter((p) => p.length > 0)) {
    current = join(current, part);
    dirs.push(current);
  }
  return dirs;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
function truncateBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end).toString("utf8");
}

/**
 * Reads the global file (`AGENTS.override.md`, else `AGENTS.md` in `codexHome`) and, in each directory from the
 * project root down to `cwd`, the override, AGENTS.md or a fallback name. Project files are joined in that
 * order and cut at the byte budget; empty files are skipped.
 */
export async function loadUserInstructions(options: AgentsMdOptions): Promise<UserInstructions> {
  const sources: InstructionSource[] = [];
  const global = await firstExisting(options.codexHome, [AGENTS_OVERRIDE_MD, AGENTS_MD]);
  const globalText = global?.text.trim() ? global.text.trim() : undefined;
  if (global && globalText) sources.push(global);

  const maxBytes = options.maxBytes ?? DEFAULT_PROJECT_DOC_MAX_BYTES;
  const projectParts: string[] = [];
  if (maxBytes > 0) {
    const names = [AGENTS_OVERRIDE_MD, AGENTS_MD, ...(options.fallbackFilenames ?? [])];
    let remaining = maxBytes;
    for (const dir of directoriesFromRoot(options.projectRoot ?? options.cwd, options.cwd)) {
      if (remaining <= 0) break;
      const found = await firstExisting(dir, names);
      if (!found || found.text.trim() === "") continue;
      const text = truncateBytes(found.text, remaining);
      remaining -= Buffer.byteLength(text, "utf8");
      projectParts.push(text);
      sources.push(found);
    }
  }
  const project = projectParts.length > 0 ? projectParts.join("\n\n") : undefined;
  let text: string | null = null;
  if (globalText !== undefined && project !== undefined) text = `${globalText}${PROJECT_DOC_SEPARATOR}${project}`;
  else text = globalText ?? project ?? null;
  return { text, sources };
}

/** The user message that carries the instructions, in the wording upstream models are trained on. */
export function userInstructionsMessageText(cwd: string, text: string): string {
  return `# AGENTS.md instructions for ${cwd}\n\n<INSTRUCTIONS>\n${text}\n</INSTRUCTIONS>`;
}

/** Finds the project root of `cwd`: the nearest ancestor holding one of `markers` (default `.git`). */
export async function findProjectRoot(cwd: string, markers: readonly string[] = [".git"]): Promise<string> {
  let dir = resolve(cwd);
  for (;;) {
    for (const marker of markers) {
      try {
        await stat(join(dir, marker));
        return dir;
      } catch {
        // keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(cwd);
    dir = parent;
  }
}
