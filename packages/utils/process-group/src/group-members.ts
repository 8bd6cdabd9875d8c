import { readdirSync, readFileSync } from "node:fs";

/** One process of a process group, as read from `/proc/<pid>/stat`. */
export interface ProcessGroupMember {
  pid: number;
  ppid: number;
  /** Kernel state letter: `R` running, `S` sleeping, `Z` zombie, ... */
  state: string;
  /** The executable name (truncated by the kernel to 15 bytes). */
  name: string;
}

/** Parsed fields of a `/proc/<pid>/stat` line, or undefined if it cannot be parsed. */
export function parseProcStat(
  line: string,
): { pid: number; name: string; state: string; ppid: number; pgid: number } | undefined {
  // The name is wrapped in parentheses and may itself contain spaces or parentheses: split on the last ')'.
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const pid = Number(line.slice(0, open).trim());
  const rest = line
    .slice(close + 1)
    .trim()
    .split(" ");
  const [state, ppid, pgid] = rest;
  if (state === undefined || ppid === undefined || pgid === undefined) return undefined;
  return { pid, name: line.slice(open + 1, close), state, ppid: Number(ppid), pgid: Number(pgid) };
}

/** Whether `/proc` can be read for process details (Linux). */
export function hasProcFs(): boolean {
  try {
    readFileSync("/proc/self/stat", "utf8");
    return true;
  } catch {
    return false;
  }
}

function readStat(pid: string): ReturnType<typeof parseProcStat> {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined; // the process exited while we were looking
  }
}

/**
 * The processes whose process group id is `pgid`, zombies included, read from `/proc`.
 * Returns undefined where `/proc` is not available (macOS, Windows).
 */
export function processGroupMembers(pgid: number): ProcessGroupMember[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  const members: ProcessGroupMember[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat !== undefined && stat.pgid === pgid) {
      members.push({ pid: stat.pid, ppid: stat.ppid, state: stat.state, name: stat.name });
    }
  }
  return members;
}

/** The `/proc` state letter of one process, or undefined when it does not exist or `/proc` is unavailable. */
export function processState(pid: number): string | undefined {
  return readStat(String(pid))?.state;
}
