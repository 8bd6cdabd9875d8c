// A best-effort summary of what a command does (read a file, list files, search), shown by clients.
import { basename } from "node:path";
import type { CommandAction } from "@codex-ts/protocol";
import { commandsFromArgv, joinShellWords } from "@codex-ts/shell-command";

const READERS = new Set(["cat", "head", "tail", "less", "more", "nl", "bat"]);
const LISTERS = new Set(["ls", "tree", "find", "fd"]);
const SEARCHERS = new Set(["rg", "grep", "ag", "ack", "git-grep"]);

function operands(argv: readonly string[]): string[] {
  return argv.slice(1).filter((word) => !word.startsWith("-"));
}

function actionFor(argv: readonly string[]): CommandAction {
  const command = joinShellWords(argv);
  const program = basename(argv[0] ?? "");
  const args = operands(argv);
  if (READERS.has(program) && args.length > 0) {
    const path = args[args.length - 1]!;
    return { type: "read", command, name: basename(path), path };
  }
  if (program === "sed" && argv.includes("-n") && args.length >= 2) {
    const path = args[args.length - 1]!;
    return { type: "read", command, name: basename(path), path };
  }
  if (program === "rg" && argv.includes("--files")) {
    return { type: "listFiles", command, path: args[0] ?? null };
  }
  if (LISTERS.has(program)) return { type: "listFiles", command, path: args[0] ?? null };
  if (SEARCHERS.has(program)) {
    return { type: "search", command, query: args[0] ?? null, path: args[1] ?? null };
  }
  return { type: "unknown", command };
}

/** One action per command the argv runs (unwrapping `bash -lc` scripts); `unknown` for anything else. */
export function commandActionsFor(argv: readonly string[]): CommandAction[] {
  const commands = commandsFromArgv(argv);
  if (commands === undefined || commands.length === 0) return [{ type: "unknown", command: joinShellWords(argv) }];
  return commands.map(actionFor);
}

/** The command as one display string, the shell named without its directory (`bash -lc 'ls -la'`). */
export function displayCommand(argv: readonly string[]): string {
  const [program, ...rest] = argv;
  if (program === undefined) return "";
  return joinShellWords([program.includes("/") ? basename(program) : program, ...rest]);
}
