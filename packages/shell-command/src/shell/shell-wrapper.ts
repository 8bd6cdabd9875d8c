import { type ParsedScript, parseShellScript } from "./parse-shell-script.js";

/** Shells whose `-c` script we can read. */
const SCRIPT_SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh"]);
const SCRIPT_FLAGS = new Set(["-c", "-lc", "-cl"]);

export interface ShellInvocation {
  /** The shell as given (`bash`, `/bin/zsh`). */
  shell: string;
  /** `-c`, `-lc` or `-cl`. */
  flag: string;
  script: string;
}

/** Last path segment of a program name (`/usr/bin/git` → `git`). */
export function programName(program: string): string {
  const slash = program.lastIndexOf("/");
  return slash < 0 ? program : program.slice(slash + 1);
}

/**
 * Recognises `bash -c SCRIPT`, `bash -lc SCRIPT` (and `sh`, `zsh`, `dash`, `ksh`, by name or path).
 * Exactly three words: extra words would become positional parameters, which we do not model.
 */
export function shellInvocation(argv: readonly string[]): ShellInvocation | undefined {
  if (argv.length !== 3) return undefined;
  const [shell, flag, script] = argv as [string, string, string];
  if (!SCRIPT_SHELLS.has(programName(shell)) || !SCRIPT_FLAGS.has(flag)) return undefined;
  return { shell, flag, script };
}

/** Parses the script of a `bash -lc` style argv; `undefined` when argv is not one or the script is unparseable. */
export function parseShellInvocation(argv: readonly string[]): ParsedScript | undefined {
  const invocation = shellInvocation(argv);
  return invocation === undefined ? undefined : parseShellScript(invocation.script);
}

/**
 * The commands an argv runs, as word lists. A plain argv is returned as its single command; a
 * `bash -lc SCRIPT` argv is unwrapped into every simple command of the script (nested ones included).
 * Returns `undefined` when the script cannot be parsed.
 */
export function commandsFromArgv(argv: readonly string[]): string[][] | undefined {
  if (shellInvocation(argv) === undefined) return [[...argv]];
  const parsed = parseShellInvocation(argv);
  return parsed?.commands.map((command) => command.argv);
}
