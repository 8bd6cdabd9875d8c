import { parseShellInvocation, shellInvocation } from "../shell/shell-wrapper.js";
import { hasLongOption, hasShortOption, isLongOption, isShortOptionBundle, operandsOf } from "./command-options.js";
import { isReadOnlyGitCommand } from "./safe-git.js";

type ArgsCheck = (args: readonly string[]) => boolean;

const anyArgs: ArgsCheck = () => true;

/** Directories whose programs are trusted to be the system tools their names say. */
const SYSTEM_BIN_DIRS = new Set(["/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin", "/opt/homebrew/bin"]);

const FIND_UNSAFE = new Set(["-exec", "-execdir", "-ok", "-okdir", "-delete", "-fls", "-fprint", "-fprint0", "-fprintf"]);
const RG_UNSAFE_WITH_VALUE = ["pre", "hostname-bin"];
const SED_PRINT_RANGE = /^[0-9]+(,[0-9]+)?p$/;
const HOSTNAME_QUERY_OPTIONS = new Set(["-f", "-s", "-i", "-I", "-d", "-a", "-A", "-y", "--fqdn", "--long", "--short", "--ip-address", "--all-ip-addresses", "--domain", "--alias", "--all-fqdns"]);

/** Read-only programs and, where some of their options write or execute, a check of the arguments. */
const SAFE_PROGRAMS: ReadonlyMap<string, ArgsCheck> = new Map<string, ArgsCheck>([
  ...[
    "[",
    "arch",
    "basename",
    "cat",
    "cd",
    "cksum",
    "cmp",
    "column",
    "comm",
    "cut",
    "df",
    "diff",
    "dirname",
    "du",
    "echo",
    "egrep",
    "expand",
    "expr",
    "false",
    "fgrep",
    "fold",
    "grep",
    "groups",
    "head",
    "id",
    "locale",
    "ls",
    "md5sum",
    "nl",
    "nproc",
    "numfmt",
    "od",
    "paste",
    "printenv",
    "printf",
    "pwd",
    "readlink",
    "realpath",
    "rev",
    "seq",
    "sha1sum",
    "sha224sum",
    "sha256sum",
    "sha384sum",
    "sha512sum",
    "sleep",
    "stat",
    "strings",
    "tac",
    "tail",
    "test",
    "tr",
    "true",
    "tty",
    "uname",
    "unexpand",
    "wc",
    "which",
    "whoami",
  ].map((name): [string, ArgsCheck] => [name, anyArgs]),
  ["base64", (args) => !args.some((arg) => arg === "-o" || (arg.startsWith("-o") && !arg.startsWith("--")) || isLongOption(arg, "output", 3))],
  ["date", (args) => !hasShortOption(args, "s") && !hasLongOption(args, "set", 3) && operandsOf(args).every((arg) => arg.startsWith("+"))],
  ["file", (args) => !hasShortOption(args, "C") && !hasLongOption(args, "compile", 3)],
  ["find", (args) => !args.some((arg) => FIND_UNSAFE.has(arg))],
  ["hostname", (args) => args.every((arg) => HOSTNAME_QUERY_OPTIONS.has(arg))],
  ["rg", isSafeRipgrep],
  ["sed", isSafeSedPrint],
  ["sort", (args) => !args.some((arg) => (isShortOptionBundle(arg) && arg.includes("o")) || isLongOption(arg, "output", 3) || isLongOption(arg, "compress-program", 3))],
  ["tree", (args) => !args.some((arg) => (isShortOptionBundle(arg) && /[oR]/.test(arg)) || isLongOption(arg, "output", 3))],
  ["uniq", (args) => operandsOf(args, new Set(["-f", "-s", "-w"])).length <= 1],
]);

function isSafeRipgrep(args: readonly string[]): boolean {
  return !args.some(
    (arg) =>
      RG_UNSAFE_WITH_VALUE.some((name) => isLongOption(arg, name, 3)) ||
      isLongOption(arg, "search-zip", 3) ||
      (isShortOptionBundle(arg) && arg.includes("z")),
  );
}

/** `sed -n Np` / `sed -n M,Np` with at most one file. */
function isSafeSedPrint(args: readonly string[]): boolean {
  return args.length >= 2 && args.length <= 3 && args[0] === "-n" && SED_PRINT_RANGE.test(args[1]!) && (args[2] === undefined || !args[2].startsWith("-"));
}

/**
 * The program name to look up in the safe list: bare names and programs in the standard system
 * directories only (a relative `./ls` could be anything).
 */
function trustedProgramName(program: string): string | undefined {
  if (!program.includes("/")) return program;
  const slash = program.lastIndexOf("/");
  return SYSTEM_BIN_DIRS.has(program.slice(0, slash)) ? program.slice(slash + 1) : undefined;
}

/** True when a single argv (no shell unwrapping) is a known read-only invocation. */
export function isSafeSingleCommand(argv: readonly string[]): boolean {
  const program = argv[0];
  if (program === undefined) return false;
  const name = trustedProgramName(program);
  if (name === undefined) return false;
  if (name === "git") return isReadOnlyGitCommand(argv);
  const check = SAFE_PROGRAMS.get(name);
  return check?.(argv.slice(1)) === true;
}

/**
 * True when the command only reads and may run without approval: a known read-only program with
 * harmless arguments, or `bash -lc SCRIPT` whose script is simple (see `ParsedScript.simple`: no
 * substitutions, expansions, file output redirections, background jobs or control flow) and whose
 * every command is itself known safe.
 */
export function isKnownSafeCommand(argv: readonly string[]): boolean {
  if (isSafeSingleCommand(argv)) return true;
  if (shellInvocation(argv) === undefined) return false;
  const parsed = parseShellInvocation(argv);
  if (parsed === undefined || !parsed.simple) return false;
  return parsed.commands.every((command) => isSafeSingleCommand(command.argv));
}
