import { isLongOption } from "./command-options.js";
import { parseGitInvocation } from "./git-invocation.js";

/** Global options that change nothing but paging and locking. */
const HARMLESS_GLOBAL_OPTIONS = new Set(["--no-pager", "-P", "--no-optional-locks", "--literal-pathspecs", "--no-replace-objects"]);
const READ_ONLY_SUBCOMMANDS = new Set(["status", "log", "diff", "show", "branch"]);
/** Options that write files or run external programs. */
const UNSAFE_LONG_OPTIONS = ["output", "ext-diff", "textconv", "exec", "upload-pack", "open-files-in-pager"];

const BRANCH_LIST_FLAGS = new Set([
  "--list",
  "-l",
  "--show-current",
  "-a",
  "--all",
  "-r",
  "--remotes",
  "-v",
  "-vv",
  "--verbose",
  "--no-color",
  "--color",
  "--no-column",
  "-i",
  "--ignore-case",
]);
const BRANCH_FILTERS_WITH_VALUE = new Set(["--contains", "--no-contains", "--merged", "--no-merged", "--points-at", "--sort", "--format"]);

/**
 * `git status|log|diff|show|branch` in read-only forms: no global option other than `--no-pager` style
 * ones (so no `-c` config overrides, `-C`, `--git-dir`), no `--output`, `--ext-diff`, `--textconv`,
 * and `git branch` only when it lists branches.
 */
export function isReadOnlyGitCommand(argv: readonly string[]): boolean {
  const git = parseGitInvocation(argv);
  if (git?.subcommand === undefined || !READ_ONLY_SUBCOMMANDS.has(git.subcommand)) return false;
  if (!git.globalOptions.every((option) => HARMLESS_GLOBAL_OPTIONS.has(option))) return false;
  if (git.args.some((arg) => UNSAFE_LONG_OPTIONS.some((name) => isLongOption(arg, name, 2)))) return false;
  return git.subcommand !== "branch" || isBranchListing(git.args);
}

/** `git branch` with no arguments, or with listing flags (patterns only after `--list`). */
function isBranchListing(args: readonly string[]): boolean {
  let listing = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === "--list" || arg === "-l") listing = true;
    if (BRANCH_LIST_FLAGS.has(arg)) continue;
    const name = arg.split("=", 1)[0]!;
    if (BRANCH_FILTERS_WITH_VALUE.has(name)) {
      if (!arg.includes("=")) index += 1;
      continue;
    }
    if (!arg.startsWith("-") && listing) continue;
    return false;
  }
  return true;
}
