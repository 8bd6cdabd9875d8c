import { parseShellScript } from "../shell/parse-shell-script.js";
import type { Pipeline, ShellList, SimpleCommand } from "../shell/shell-ast.js";
import { programName, shellInvocation } from "../shell/shell-wrapper.js";
import { hasLiteralName, simpleCommandsOf, walkShellAst } from "../shell/walk-shell-ast.js";
import { isRawDeviceTarget } from "./critical-paths.js";
import { dangerousProgramReason } from "./dangerous-programs.js";

/** How deep `bash -c`, `eval` and wrappers may nest before we stop looking. */
const MAX_DEPTH = 8;

const DOWNLOADERS = new Set(["curl", "wget", "fetch", "aria2c", "http", "https", "lwp-request"]);
const INTERPRETERS = new Set([
  "sh",
  "bash",
  "zsh",
  "dash",
  "ksh",
  "fish",
  "csh",
  "tcsh",
  "python",
  "python2",
  "python3",
  "perl",
  "ruby",
  "node",
  "php",
  "lua",
  "pwsh",
]);
const SOURCING = new Set(["source", ".", "eval"]);
/** Interpreter options after which the program text comes from an argument, not stdin. */
const INLINE_PROGRAM_OPTIONS = new Set(["-c", "-e", "-E", "-m", "-r", "--eval", "--command"]);

/**
 * Why a command is dangerous enough to always ask, or `undefined`. Looks through `bash -lc` scripts
 * (every command, including those in control flow, substitutions and function bodies), `sudo`-style
 * escalation, wrappers such as `env`/`xargs`/`timeout`, and `eval`.
 */
export function dangerousCommandReason(argv: readonly string[]): string | undefined {
  return reasonAtDepth(argv, 0);
}

/** True when the command should always require approval (see `dangerousCommandReason`). */
export function isDangerousCommand(argv: readonly string[]): boolean {
  return dangerousCommandReason(argv) !== undefined;
}

function reasonAtDepth(argv: readonly string[], depth: number): string | undefined {
  if (depth > MAX_DEPTH || argv.length === 0) return undefined;
  const invocation = shellInvocation(argv);
  if (invocation !== undefined) return dangerousScriptReason(invocation.script, depth + 1);
  if (INTERPRETERS.has(programName(argv[0]!)) && argv.includes("-c")) {
    const script = argv[argv.indexOf("-c") + 1];
    const shellLike = ["sh", "bash", "zsh", "dash", "ksh"].includes(programName(argv[0]!));
    if (shellLike && script !== undefined) return dangerousScriptReason(script, depth + 1);
  }
  return dangerousProgramReason(argv, (inner) => reasonAtDepth(inner, depth + 1));
}

/**
 * Why a shell script is dangerous, or `undefined`. A script that does not parse as a whole is checked
 * line by line, since the shell runs the lines before a syntax error.
 */
export function dangerousScriptReason(script: string, depth = 0): string | undefined {
  const parsed = parseShellScript(script);
  if (parsed !== undefined) return astReason(parsed.ast, parsed.functions, depth);
  for (const line of script.split("\n")) {
    const parsedLine = parseShellScript(line);
    const reason = parsedLine === undefined ? undefined : astReason(parsedLine.ast, parsedLine.functions, depth);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function astReason(ast: ShellList, functions: ReadonlyArray<{ name: string; commands: ReadonlyArray<{ argv: string[] }> }>, depth: number): string | undefined {
  for (const fn of functions) {
    const selfCalls = fn.commands.filter((command) => command.argv[0] === fn.name).length;
    if (selfCalls >= 2) return `function ${fn.name} calls itself more than once (fork bomb)`;
  }
  let reason: string | undefined;
  walkShellAst(ast, {
    simpleCommand(command) {
      if (reason === undefined && hasLiteralName(command)) {
        reason = reasonAtDepth(command.words.map((word) => word.value), depth) ?? substitutionFeedsInterpreter(command);
      }
    },
    pipeline(pipeline) {
      reason ??= downloadPipedToInterpreter(pipeline);
    },
    redirection(redirection) {
      const writes = redirection.operator.includes(">") && redirection.operator !== ">&";
      if (reason === undefined && writes && isRawDeviceTarget(redirection.target.value)) {
        reason = `redirection writes to the raw device ${redirection.target.value}`;
      }
    },
  });
  return reason;
}

function literalArgv(command: SimpleCommand): string[] | undefined {
  return hasLiteralName(command) ? command.words.map((word) => word.value) : undefined;
}

/** Strips `sudo`/`env`-style prefixes to find the program a pipeline stage really runs. */
function effectiveArgv(argv: string[]): string[] {
  let current = argv;
  for (let guard = 0; guard < 4; guard += 1) {
    const name = programName(current[0] ?? "");
    if (name !== "sudo" && name !== "env" && name !== "doas" && name !== "command") break;
    let index = 1;
    while (index < current.length && (current[index]!.startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(current[index]!))) index += 1;
    current = current.slice(index);
  }
  return current;
}

function isDownloader(argv: string[] | undefined): boolean {
  return argv !== undefined && DOWNLOADERS.has(programName(effectiveArgv(argv)[0] ?? ""));
}

/** True when the interpreter would execute program text read from stdin. */
function interpreterReadsStdin(argv: string[]): boolean {
  const effective = effectiveArgv(argv);
  if (!INTERPRETERS.has(programName(effective[0] ?? ""))) return false;
  for (const arg of effective.slice(1)) {
    if (arg === "--" || arg === "-" || arg === "-s") return true;
    if (INLINE_PROGRAM_OPTIONS.has(arg)) return false;
    if (!arg.startsWith("-")) return false;
  }
  return true;
}

function downloadPipedToInterpreter(pipeline: Pipeline): string | undefined {
  const stages = pipeline.commands.map((command) => (command.type === "simple" ? literalArgv(command) : undefined));
  const firstDownload = stages.findIndex(isDownloader);
  if (firstDownload < 0) return undefined;
  const runner = stages.slice(firstDownload + 1).find((argv) => argv !== undefined && interpreterReadsStdin(argv));
  return runner === undefined ? undefined : `downloaded content is piped into ${programName(effectiveArgv(runner)[0] ?? "")}`;
}

/** `bash <(curl ...)`, `sh -c "$(wget -O- ...)"`, `source <(curl ...)`, `eval "$(curl ...)"`. */
function substitutionFeedsInterpreter(command: SimpleCommand): string | undefined {
  const argv = literalArgv(command);
  if (argv === undefined) return undefined;
  const name = programName(effectiveArgv(argv)[0] ?? "");
  if (!INTERPRETERS.has(name) && !SOURCING.has(name)) return undefined;
  for (const word of command.words.slice(1)) {
    for (const part of word.parts) {
      if (part.kind !== "command-substitution" && part.kind !== "process-substitution") continue;
      const downloads = simpleCommandsOf(part.body).some((inner) => isDownloader(literalArgv(inner)));
      if (downloads) return `downloaded content is executed by ${name}`;
    }
  }
  return undefined;
}
