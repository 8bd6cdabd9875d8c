import path from "node:path";
import {
  type TruncationPolicy,
  countLines,
  formattedTruncateText,
  tokensPolicy,
  truncateText,
} from "@codex-ts/utils-string";

/** The budget used when the caller does not pass the turn's truncation policy. */
export const DEFAULT_TOOL_OUTPUT_POLICY: TruncationPolicy = tokensPolicy(10_000);

export interface ShellRunSummary {
  /** Exit code reported to the model (the caller maps signals and timeouts to a code). */
  exitCode: number;
  durationMs: number;
  /** stdout and stderr as one text, in the order they were produced. */
  output: string;
  timedOut: boolean;
  /** How much output may reach the model; default 10 000 tokens. */
  truncation?: TruncationPolicy;
}

/** The output text, preceded by a note when the command was stopped by its timeout. */
export function shellOutputContent(summary: Pick<ShellRunSummary, "durationMs" | "output" | "timedOut">): string {
  return summary.timedOut
    ? `command timed out after ${Math.round(summary.durationMs)} milliseconds\n${summary.output}`
    : summary.output;
}

/** Seconds rounded to one decimal, printed without a trailing `.0` (`1.2`, `3`, `0`). */
export function formatDurationSeconds(durationMs: number): string {
  return String(Math.round(durationMs / 100) / 10);
}

/**
 * The text the `shell` and `shell_command` tools return to the model:
 * `Exit code: N\nWall time: S seconds\n[Total output lines: L\n]Output:\n<output>`, the output's middle cut to
 * the truncation budget (the line count appears only when lines were cut).
 */
export function formatShellOutput(summary: ShellRunSummary): string {
  const content = shellOutputContent(summary);
  const totalLines = countLines(content);
  const output = truncateText(content, summary.truncation ?? DEFAULT_TOOL_OUTPUT_POLICY);
  const sections = [`Exit code: ${summary.exitCode}`, `Wall time: ${formatDurationSeconds(summary.durationMs)} seconds`];
  if (totalLines !== countLines(output)) sections.push(`Total output lines: ${totalLines}`);
  sections.push("Output:", output);
  return sections.join("\n");
}

/**
 * The older structured form of the same result:
 * `{"output": "...", "metadata": {"exit_code": N, "duration_seconds": S}}`.
 */
export function formatShellOutputJson(summary: ShellRunSummary): string {
  const output = formattedTruncateText(shellOutputContent(summary), summary.truncation ?? DEFAULT_TOOL_OUTPUT_POLICY);
  return JSON.stringify({
    output,
    metadata: { exit_code: summary.exitCode, duration_seconds: Math.round(summary.durationMs / 100) / 10 },
  });
}

/** The user's shell: `$SHELL`, else `/bin/bash`. */
export function userShellPath(env: NodeJS.ProcessEnv = process.env): string {
  const shell = env["SHELL"]?.trim();
  return shell ? shell : "/bin/bash";
}

export interface ShellCommandArgvOptions {
  /** The script to run. */
  command: string;
  /** Shell binary; default the user's shell (`$SHELL`, else `/bin/bash`). */
  shell?: string | undefined;
  /** Run as a login shell (`-lc`); default true. */
  login?: boolean | undefined;
}

/**
 * The argv that runs a script in a shell, the way shell_command and exec_command do: `[shell, "-lc", script]`
 * (or `-c` without login) for POSIX shells, `[shell, "-Command", script]` (with `-NoProfile` unless login) for
 * PowerShell and `[shell, "/c", script]` for cmd.exe.
 */
export function shellCommandArgv(options: ShellCommandArgvOptions): string[] {
  const shell = options.shell?.trim() || userShellPath();
  const login = options.login ?? true;
  const name = path.basename(shell.replaceAll("\\", "/")).toLowerCase().replace(/\.exe$/, "");
  if (name === "powershell" || name === "pwsh") {
    return login ? [shell, "-Command", options.command] : [shell, "-NoProfile", "-Command", options.command];
  }
  if (name === "cmd") return [shell, "/c", options.command];
  return [shell, login ? "-lc" : "-c", options.command];
}
