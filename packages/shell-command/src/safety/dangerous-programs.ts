import { programName } from "../shell/shell-wrapper.js";
import { beforeEndOfOptions, hasLongOption, hasShortOption, operandsOf } from "./command-options.js";
import { isCriticalPath, isRawDeviceTarget } from "./critical-paths.js";
import { dangerousGitReason } from "./dangerous-git.js";

/** Checks the command a wrapper (`env`, `nice`, `xargs`...) runs. */
export type InnerCommandCheck = (argv: readonly string[]) => string | undefined;

const PRIVILEGE_ESCALATION = new Set(["sudo", "doas", "su", "pkexec", "run0"]);
const DISK_TOOLS = new Set(["mkfs", "mke2fs", "mkswap", "mkdosfs", "mkntfs", "wipefs", "fdisk", "sfdisk", "cfdisk", "parted", "gdisk", "sgdisk", "blkdiscard", "shred"]);
const POWER_COMMANDS = new Set(["shutdown", "reboot", "halt", "poweroff", "kexec"]);
/** `find` tests that narrow a deletion to matching names. */
const NAME_FILTERS = new Set(["-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-wholename", "-iwholename", "-empty"]);
const FIND_EXEC_ACTIONS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);
const SYSTEMCTL_POWER = new Set(["poweroff", "reboot", "halt", "kexec", "emergency", "rescue", "soft-reboot"]);

/**
 * Wrappers that run another command given as their remaining arguments, with the options that take
 * a value (so the wrapped command can be found).
 */
const COMMAND_WRAPPERS: ReadonlyMap<string, { valued: ReadonlySet<string>; leadingOperands?: number }> = new Map([
  ["env", { valued: new Set(["-u", "--unset", "-C", "--chdir", "-S", "--split-string"]) }],
  ["nice", { valued: new Set(["-n", "--adjustment"]) }],
  ["nohup", { valued: new Set<string>() }],
  ["time", { valued: new Set(["-f", "--format", "-o", "--output"]) }],
  ["command", { valued: new Set<string>() }],
  ["exec", { valued: new Set(["-a"]) }],
  ["builtin", { valued: new Set<string>() }],
  ["stdbuf", { valued: new Set(["-i", "-o", "-e"]) }],
  ["ionice", { valued: new Set(["-c", "-n", "-p", "-P", "-u"]) }],
  ["timeout", { valued: new Set(["-s", "--signal", "-k", "--kill-after"]), leadingOperands: 1 }],
  ["xargs", { valued: new Set(["-a", "-d", "-E", "-e", "-I", "-i", "-L", "-l", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-chars", "--replace"]) }],
  ["watch", { valued: new Set(["-n", "--interval", "-d"]) }],
]);

/** Why a single argv (already unwrapped from any shell) is dangerous, or `undefined`. */
export function dangerousProgramReason(argv: readonly string[], inner: InnerCommandCheck): string | undefined {
  const program = argv[0];
  if (program === undefined) return undefined;
  const name = programName(program);
  const args = argv.slice(1);
  if (PRIVILEGE_ESCALATION.has(name)) return `${name} runs a command with elevated privileges`;
  if (DISK_TOOLS.has(name) || name.startsWith("mkfs.")) return `${name} destroys data on a disk or file`;
  if (POWER_COMMANDS.has(name)) return `${name} stops the machine`;
  const wrapper = COMMAND_WRAPPERS.get(name);
  if (wrapper !== undefined) {
    const wrapped = wrappedCommand(args, wrapper.valued, wrapper.leadingOperands ?? 0, name === "env");
    return wrapped.length > 0 ? inner(wrapped) : undefined;
  }
  switch (name) {
    case "rm":
      return dangerousRmReason(args);
    case "git":
      return dangerousGitReason(argv);
    case "dd":
      return args.some((arg) => arg.startsWith("of=") && isRawDeviceTarget(arg.slice(3))) ? "dd writes to a raw device" : undefined;
    case "chmod":
    case "chown":
    case "chgrp":
      return dangerousPermissionReason(name, args);
    case "init":
    case "telinit":
      return args.some((arg) => arg === "0" || arg === "6") ? `${name} ${args.join(" ")} stops the machine` : undefined;
    case "systemctl":
      return operandsOf(args).some((arg) => SYSTEMCTL_POWER.has(arg)) ? "systemctl stops or reboots the machine" : undefined;
    case "kill":
      return killsEverything(args) ? "kill -1 signals every process" : undefined;
    case "killall5":
      return "killall5 signals every process";
    case "crontab":
      return hasShortOption(args, "r") ? "crontab -r deletes every scheduled job" : undefined;
    case "find":
      return dangerousFindReason(args, inner);
    case "mv": {
      const operands = operandsOf(args, new Set(["-t", "--target-directory", "-S", "--suffix"]));
      return operands.slice(0, -1).some(isCriticalPath) ? "mv moves a critical directory" : undefined;
    }
    case "eval":
      return args.length > 0 ? inner(["sh", "-c", args.join(" ")]) : undefined;
    default:
      return undefined;
  }
}

function dangerousRmReason(args: readonly string[]): string | undefined {
  const options = beforeEndOfOptions(args).filter((arg) => arg.startsWith("-") && arg !== "-");
  const force = hasShortOption(options, "f") || hasLongOption(options, "force", 3);
  const recursive = hasShortOption(options, "r") || hasShortOption(options, "R") || hasLongOption(options, "recursive", 3);
  if (hasLongOption(options, "no-preserve-root", 4)) return "rm --no-preserve-root can delete the whole filesystem";
  const targets = operandsOf(args);
  if (recursive && targets.some(isCriticalPath)) return "rm -r of a critical path (/, ~, $HOME, ., .., *)";
  if (force && recursive) return "rm -rf deletes a tree without confirmation";
  if (force) return "rm -f deletes files without confirmation";
  return undefined;
}

function dangerousPermissionReason(name: string, args: readonly string[]): string | undefined {
  const recursive = hasShortOption(args, "R") || hasLongOption(args, "recursive", 3);
  const operands = operandsOf(args).slice(1);
  if (operands.includes("/")) return `${name} on / changes the root of the filesystem`;
  return recursive && operands.some(isCriticalPath) ? `${name} -R on a critical path` : undefined;
}

/** `kill` with `-1` as a process id (after the signal, or after `--`). */
function killsEverything(args: readonly string[]): boolean {
  let signalSeen = false;
  let endOfOptions = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (endOfOptions || !arg.startsWith("-")) {
      if (arg === "-1") return true;
      continue;
    }
    if (arg === "--") endOfOptions = true;
    else if (arg === "-s" || arg === "-n") {
      index += 1;
      signalSeen = true;
    } else if (arg === "-l" || arg === "-L") return false;
    else if (arg === "-1" && signalSeen) return true;
    else signalSeen = true;
  }
  return false;
}

function dangerousFindReason(args: readonly string[], inner: InnerCommandCheck): string | undefined {
  for (let index = 0; index < args.length; index += 1) {
    if (!FIND_EXEC_ACTIONS.has(args[index]!)) continue;
    const end = args.findIndex((arg, at) => at > index && (arg === ";" || arg === "+"));
    const reason = inner(args.slice(index + 1, end < 0 ? undefined : end));
    if (reason !== undefined) return reason;
  }
  const roots = [];
  for (const arg of args) {
    if (arg.startsWith("-") || arg === "(" || arg === "!") break;
    roots.push(arg);
  }
  if (!roots.some(isCriticalPath) || args.some((arg) => NAME_FILTERS.has(arg))) return undefined;
  const deletes = args.includes("-delete");
  const execIndex = args.findIndex((arg) => FIND_EXEC_ACTIONS.has(arg));
  const execRm = execIndex >= 0 && programName(args[execIndex + 1] ?? "") === "rm";
  return deletes || execRm ? "find deletes files under a critical path" : undefined;
}

/** The command after a wrapper's options (and, for `env`, its `NAME=value` assignments). */
function wrappedCommand(args: readonly string[], valued: ReadonlySet<string>, leadingOperands: number, skipAssignments: boolean): string[] {
  let index = 0;
  let operandsToSkip = leadingOperands;
  while (index < args.length) {
    const arg = args[index]!;
    if (arg === "--") {
      index += 1;
      break;
    }
    if (skipAssignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) {
      index += 1;
    } else if (arg.startsWith("-") && arg.length > 1) {
      index += valued.has(arg) ? 2 : 1;
    } else if (operandsToSkip > 0) {
      operandsToSkip -= 1;
      index += 1;
    } else {
      break;
    }
  }
  while (operandsToSkip > 0 && index < args.length) {
    operandsToSkip -= 1;
    index += 1;
  }
  return args.slice(index);
}
