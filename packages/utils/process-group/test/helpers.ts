import type { ChildProcess } from "node:child_process";
import { processGroupMembers, type ProcessGroupMember } from "../src/index.js";

/** Resolves with everything printed on stdout once it contains `marker`; rejects after `timeoutMs`. */
export function waitForStdout(child: ChildProcess, marker: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(marker)}; got ${JSON.stringify(text)}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (text.includes(marker)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
  });
}

/** Members of the group that are still running (zombies have exited and are excluded). */
export function liveMembers(pgid: number): ProcessGroupMember[] {
  return (processGroupMembers(pgid) ?? []).filter((member) => member.state !== "Z");
}

/** Resolves with the child's exit code and signal. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}
