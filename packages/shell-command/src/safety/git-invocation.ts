import { programName } from "../shell/shell-wrapper.js";

/** Global git options that take the following argument as their value. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set([
  "-C",
  "-c",
  "--config-env",
  "--exec-path",
  "--git-dir",
  "--namespace",
  "--super-prefix",
  "--work-tree",
  "--list-cmds",
  "--attr-source",
]);

export interface GitInvocation {
  /** Options between `git` and the subcommand, values included. */
  globalOptions: string[];
  subcommand: string | undefined;
  /** Arguments after the subcommand. */
  args: string[];
}

/** Splits a `git ...` argv into global options, subcommand and its arguments; `undefined` if not git. */
export function parseGitInvocation(argv: readonly string[]): GitInvocation | undefined {
  if (argv.length === 0 || programName(argv[0]!) !== "git") return undefined;
  const globalOptions: string[] = [];
  for (let index = 1; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg.startsWith("-")) {
      globalOptions.push(arg);
      if (GLOBAL_OPTIONS_WITH_VALUE.has(arg) && index + 1 < argv.length) {
        globalOptions.push(argv[index + 1]!);
        index += 1;
      }
      continue;
    }
    return { globalOptions, subcommand: arg, args: argv.slice(index + 1) };
  }
  return { globalOptions, subcommand: undefined, args: [] };
}
