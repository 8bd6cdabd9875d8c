import type { WritableRoot } from "./writable-roots.js";

/** How a sandboxed command reaches the network. */
export type SandboxNetwork = "enabled" | "disabled" | "proxy";

export interface SeatbeltSpec {
  writableRoots: readonly WritableRoot[];
  network: SandboxNetwork;
  /** The proxy's unix socket, the only network peer allowed with `network: "proxy"`. */
  proxySocket?: string;
}

/** A Seatbelt profile and the `-D NAME=VALUE` parameters it refers to. Paths only travel as parameters. */
export interface SeatbeltPolicy {
  profile: string;
  params: Array<[string, string]>;
}

const BASE = `(version 1)

; Everything not allowed below is refused.
(deny default)

; Run programs, and let them manage the processes they start.
(allow process-exec)
(allow process-fork)
(allow signal (target same-sandbox))
(allow process-info* (target same-sandbox))

; The whole filesystem is readable.
(allow file-read*)

; Character devices that ordinary programs write to.
(allow file-write-data
  (literal "/dev/null")
  (literal "/dev/zero")
  (literal "/dev/dtracehelper")
  (literal "/dev/tty"))
(allow file-ioctl
  (literal "/dev/dtracehelper")
  (literal "/dev/tty"))

; Terminals: ioctls on any tty (isatty, window size), and read/write only on the pseudo terminals the command
; opens itself (the sandbox grants those the pty extension).
(allow file-ioctl (regex #"^/dev/ttys[0-9]+$"))
(allow pseudo-tty)
(allow file-read* file-write* file-ioctl (literal "/dev/ptmx"))
(allow file-read* file-write*
  (require-all (extension "com.apple.sandbox.pty") (regex #"^/dev/ttys[0-9]+$")))

; System information, preferences and the services libc and the runtime look up.
(allow sysctl-read)
(allow user-preference-read)
(allow ipc-posix-sem)
(allow ipc-posix-shm-read-data (ipc-posix-name "apple.shm.notification_center"))
(allow ipc-posix-shm-read* (ipc-posix-name-prefix "apple.cfprefs."))
(allow mach-lookup
  (global-name "com.apple.system.opendirectoryd.libinfo")
  (global-name "com.apple.system.notification_center")
  (global-name "com.apple.system.logger")
  (global-name "com.apple.logd")
  (global-name "com.apple.diagnosticd")
  (global-name "com.apple.cfprefsd.daemon")
  (global-name "com.apple.cfprefsd.agent")
  (global-name "com.apple.trustd.agent")
  (global-name "com.apple.SecurityServer")
  (global-name "com.apple.coreservices.launchservicesd")
  (global-name "com.apple.lsd.mapdb"))
`;

const NETWORK_ENABLED = `
; Network: allowed.
(allow network-outbound)
(allow network-inbound)
(allow network-bind)
(allow system-socket)
(allow mach-lookup
  (global-name "com.apple.SystemConfiguration.configd")
  (global-name "com.apple.SystemConfiguration.DNSConfiguration")
  (global-name "com.apple.dnssd.service")
  (global-name "com.apple.nsurlsessiond"))
`;

const NETWORK_PROXY = `
; Network: only the proxy's unix socket.
(allow network-outbound (remote unix-socket (path-literal (param "PROXY_SOCKET"))))
`;

const NETWORK_DISABLED = `
; Network: refused.
`;

function writableRootClause(index: number, root: WritableRoot, params: Array<[string, string]>): string {
  const name = `WRITABLE_ROOT_${index}`;
  params.push([name, root.root]);
  if (root.readOnlySubpaths.length === 0) return `  (subpath (param "${name}"))`;
  const exclusions = root.readOnlySubpaths.map((subpath, subIndex) => {
    const subName = `${name}_RO_${subIndex}`;
    params.push([subName, subpath]);
    return `\n    (require-not (subpath (param "${subName}")))`;
  });
  return `  (require-all\n    (subpath (param "${name}"))${exclusions.join("")})`;
}

/**
 * Builds the Seatbelt profile of a policy: deny by default, read everything, write only inside the writable roots
 * minus their read-only subpaths (which blocks creating missing ones too, since rules match paths), and the
 * network as asked.
 */
export function seatbeltPolicy(spec: SeatbeltSpec): SeatbeltPolicy {
  const params: Array<[string, string]> = [];
  let profile = BASE;
  if (spec.writableRoots.length > 0) {
    const clauses = spec.writableRoots.map((root, index) => writableRootClause(index, root, params));
    profile += `\n; Writable roots, minus their protected subpaths.\n(allow file-write*\n${clauses.join("\n")})\n`;
  }
  if (spec.network === "enabled") {
    profile += NETWORK_ENABLED;
  } else if (spec.network === "proxy" && spec.proxySocket !== undefined) {
    params.push(["PROXY_SOCKET", spec.proxySocket]);
    profile += NETWORK_PROXY;
  } else {
    profile += NETWORK_DISABLED;
  }
  return { profile, params };
}

export const SANDBOX_EXEC_PATH = "/usr/bin/sandbox-exec";

/** The `sandbox-exec` arguments that run `command` under a policy. */
export function sandboxExecArgs(policy: SeatbeltPolicy, command: readonly string[]): string[] {
  return ["-p", policy.profile, ...policy.params.map(([name, value]) => `-D${name}=${value}`), "--", ...command];
}
