import { constants } from "node:os";

const signalNumbers = constants.signals as Readonly<Record<string, number>>;

/** The name of a signal number (`15` → `SIGTERM`), or undefined for an unknown number. */
export function signalName(signo: number): NodeJS.Signals | undefined {
  for (const [name, value] of Object.entries(signalNumbers)) {
    if (value === signo) return name as NodeJS.Signals;
  }
  return undefined;
}

/** The number of a signal name (`SIGKILL` → `9`), or undefined when this platform has no such signal. */
export function signalNumber(name: NodeJS.Signals): number | undefined {
  return signalNumbers[name];
}

/**
 * A single integer status in the shell's convention: the exit code, or 128 + the signal number for a process
 * killed by a signal (`SIGKILL` → 137). For wire formats that only carry an exit code.
 */
export function exitStatusCode(result: { exitCode: number | null; signal: NodeJS.Signals | null }): number {
  if (result.exitCode !== null) return result.exitCode;
  if (result.signal !== null) return 128 + (signalNumber(result.signal) ?? 0);
  return -1;
}
