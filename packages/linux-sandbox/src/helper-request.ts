import path from "node:path";
import { LinuxSandboxError } from "./linux-sandbox-error.js";

/** How the sandboxed command reaches the network. */
export type NetworkMode = "enabled" | "disabled" | "proxy";

/** Everything the helper needs, as parsed from its command line. */
export interface LinuxSandboxRequest {
  /** The command and its arguments (after `--`). */
  command: string[];
  /** Folders (or files) the command may write. Missing ones are skipped. */
  writableRoots: string[];
  /** Paths inside writable roots that stay read-only, protected even when they do not exist yet. */
  readOnlyPaths: string[];
  network: NetworkMode;
  /** Unix socket of the network proxy; required with `network: "proxy"`. */
  proxySocket?: string;
  /** Mount a fresh `/proc` (default). When false, `/proc` is an empty tmpfs. */
  mountProc: boolean;
  /** The bubblewrap executable; `bwrap` from `PATH` when absent. */
  bwrapPath?: string;
  /** Variables set for the command only (not for the helper itself). */
  setenv: Array<[string, string]>;
}

export const HELPER_USAGE = `usage: codex-linux-sandbox [options] -- COMMAND [ARG...]
  --writable-root PATH    let the command write PATH (repeatable)
  --read-only PATH        keep PATH read-only, even when it does not exist yet (repeatable)
  --network MODE          enabled | disabled | proxy (default: disabled)
  --proxy-socket PATH     unix socket of the network proxy (with --network proxy)
  --no-proc               do not mount /proc (it stays empty)
  --bwrap PATH            bubblewrap executable (default: bwrap from PATH)
  --setenv NAME=VALUE     set a variable for the command (repeatable)`;

const NETWORK_MODES: readonly NetworkMode[] = ["enabled", "disabled", "proxy"];

function usage(message: string): LinuxSandboxError {
  return new LinuxSandboxError("SANDBOX_USAGE", `${message}\n${HELPER_USAGE}`);
}

function absolute(flag: string, value: string): string {
  if (!path.isAbsolute(value)) {
    throw new LinuxSandboxError("SANDBOX_NOT_ABSOLUTE", `${flag} needs an absolute path, got ${JSON.stringify(value)}.`);
  }
  return path.normalize(value);
}

/** Parses the helper's command line (without the node and script arguments). */
export function parseHelperArgs(argv: readonly string[]): LinuxSandboxRequest {
  const request: LinuxSandboxRequest = {
    command: [],
    writableRoots: [],
    readOnlyPaths: [],
    network: "disabled",
    mountProc: true,
    setenv: [],
  };
  let index = 0;
  const value = (flag: string): string => {
    const next = argv[index + 1];
    if (next === undefined || next === "--") throw usage(`${flag} needs a value.`);
    index += 1;
    return next;
  };
  for (; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (arg === "--") {
      request.command = argv.slice(index + 1);
      break;
    }
    switch (arg) {
      case "--writable-root":
        request.writableRoots.push(absolute(arg, value(arg)));
        break;
      case "--read-only":
        request.readOnlyPaths.push(absolute(arg, value(arg)));
        break;
      case "--network": {
        const mode = value(arg);
        if (!NETWORK_MODES.includes(mode as NetworkMode)) {
          throw usage(`--network must be one of ${NETWORK_MODES.join(", ")}, got ${JSON.stringify(mode)}.`);
        }
        request.network = mode as NetworkMode;
        break;
      }
      case "--proxy-socket":
        request.proxySocket = absolute(arg, value(arg));
        break;
      case "--no-proc":
        request.mountProc = false;
        break;
      case "--bwrap":
        request.bwrapPath = value(arg);
        break;
      case "--setenv": {
        const assignment = value(arg);
        const equals = assignment.indexOf("=");
        if (equals <= 0) throw usage(`--setenv needs NAME=VALUE, got ${JSON.stringify(assignment)}.`);
        request.setenv.push([assignment.slice(0, equals), assignment.slice(equals + 1)]);
        break;
      }
      default:
        throw usage(`Unknown option ${JSON.stringify(arg)}.`);
    }
  }
  if (request.command.length === 0) throw usage("No command given after --.");
  if (request.network === "proxy" && request.proxySocket === undefined) {
    throw usage("--network proxy needs --proxy-socket PATH.");
  }
  return request;
}

/** The helper command line for a request: the inverse of `parseHelperArgs`. */
export function formatHelperArgs(request: LinuxSandboxRequest): string[] {
  const args: string[] = [];
  for (const root of request.writableRoots) args.push("--writable-root", root);
  for (const readOnly of request.readOnlyPaths) args.push("--read-only", readOnly);
  args.push("--network", request.network);
  if (request.proxySocket !== undefined) args.push("--proxy-socket", request.proxySocket);
  if (!request.mountProc) args.push("--no-proc");
  if (request.bwrapPath !== undefined) args.push("--bwrap", request.bwrapPath);
  for (const [name, setValue] of request.setenv) args.push("--setenv", `${name}=${setValue}`);
  args.push("--", ...request.command);
  return args;
}
