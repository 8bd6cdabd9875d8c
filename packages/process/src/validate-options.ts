import { ProcessError } from "./errors.js";
import type { StartProcessOptions, TerminalSize } from "./options.js";

function invalid(message: string): never {
  throw new ProcessError("PROCESS_INVALID_OPTIONS", message);
}

function checkNoNul(value: string, what: string): void {
  if (value.includes("\0")) invalid(`${what} must not contain NUL characters.`);
}

function checkCount(value: unknown, what: string, allowNull: boolean): void {
  if (value === undefined || (allowNull && value === null)) return;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    invalid(`${what} must be a non-negative integer (got ${String(value)}).`);
  }
}

/** Throws `PROCESS_INVALID_OPTIONS` when a terminal size is not two integers in 1..65535. */
export function checkTerminalSize(size: TerminalSize, what = "size"): void {
  for (const key of ["cols", "rows"] as const) {
    const value = size[key];
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      invalid(`${what}.${key} must be an integer from 1 to 65535 (got ${String(value)}).`);
    }
  }
}

/** Throws `PROCESS_INVALID_OPTIONS` (one sentence naming the bad field) unless `options` can be started. */
export function validateStartOptions(options: StartProcessOptions): void {
  const { command } = options;
  if (!Array.isArray(command) || command.length === 0) invalid("command must be a non-empty array of strings.");
  command.forEach((arg, index) => {
    if (typeof arg !== "string") invalid(`command[${index}] must be a string.`);
    checkNoNul(arg, `command[${index}]`);
  });
  if (command[0] === "") invalid("command[0] (the program) must not be empty.");
  if (options.cwd !== undefined) {
    if (typeof options.cwd !== "string" || options.cwd === "") invalid("cwd must be a non-empty string.");
    checkNoNul(options.cwd, "cwd");
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (name === "" || name.includes("=")) invalid(`env name ${JSON.stringify(name)} must be non-empty and contain no "=".`);
    checkNoNul(name, `env name ${JSON.stringify(name)}`);
    if (value !== null && value !== undefined) {
      if (typeof value !== "string") invalid(`env.${name} must be a string or null.`);
      checkNoNul(value, `env.${name}`);
    }
  }
  if (options.size !== undefined) {
    if (!options.tty) invalid("size is only valid together with tty.");
    checkTerminalSize(options.size);
  }
  checkCount(options.outputBytesCap, "outputBytesCap", true);
  checkCount(options.timeoutMs, "timeoutMs", true);
  checkCount(options.killGraceMs, "killGraceMs", false);
  checkCount(options.drainTimeoutMs, "drainTimeoutMs", false);
  if (options.stdin !== undefined && options.stdin !== "pipe" && options.stdin !== "ignore") {
    invalid(`stdin must be "pipe" or "ignore" (got ${String(options.stdin)}).`);
  }
}
