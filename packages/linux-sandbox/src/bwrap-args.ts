import type { NetworkMode } from "./helper-request.js";

/** Everything that decides the bubblewrap command line; built from a request and a mount plan. */
export interface BwrapSpec {
  /** The command run inside the sandbox. */
  command: readonly string[];
  /** Working directory of the command. */
  cwd: string;
  writableRoots: readonly string[];
  readOnlyPaths: readonly string[];
  blockedPaths: readonly string[];
  network: NetworkMode;
  /** Bound into the sandbox so the forwarder can reach the proxy (with `network: "proxy"`). */
  proxySocket?: string;
  /** Fresh `/proc` for the new PID namespace; otherwise `/proc` is masked with an empty tmpfs. */
  mountProc: boolean;
  /** Run in a new user namespace (needed when not root and bubblewrap is not setuid). */
  unshareUser: boolean;
  /** Variables set for the command. */
  setenv?: ReadonlyArray<readonly [string, string]>;
}

type MountKind = "writable" | "read-only" | "blocked";

const depth = (target: string) => (target === "/" ? 0 : target.split("/").length - 1);
const kindOrder: Record<MountKind, number> = { writable: 0, "read-only": 1, blocked: 1 };

/**
 * The bubblewrap arguments (without the `bwrap` executable) for a spec. Pure: the filesystem was inspected when
 * the spec was built.
 *
 * Order: read-only `/`, a fresh `/dev` and `/proc`, then the writable binds and their read-only re-binds sorted by
 * depth so that a protected path always lands on top of the writable root that contains it.
 */
export function buildBwrapArgs(spec: BwrapSpec): string[] {
  const args = ["--new-session", "--die-with-parent", "--ro-bind", "/", "/", "--dev", "/dev"];
  if (spec.mountProc) args.push("--proc", "/proc");
  else args.push("--tmpfs", "/proc");

  const mounts: Array<{ target: string; kind: MountKind }> = [
    ...spec.writableRoots.map((target) => ({ target, kind: "writable" as const })),
    ...spec.readOnlyPaths.map((target) => ({ target, kind: "read-only" as const })),
    ...spec.blockedPaths.map((target) => ({ target, kind: "blocked" as const })),
  ];
  mounts.sort((a, b) => depth(a.target) - depth(b.target) || kindOrder[a.kind] - kindOrder[b.kind]);
  for (const { target, kind } of mounts) {
    if (kind === "writable") args.push("--bind", target, target);
    else if (kind === "read-only") args.push("--ro-bind", target, target);
    else args.push("--ro-bind", "/dev/null", target);
  }
  if (spec.network === "proxy" && spec.proxySocket !== undefined) {
    args.push("--bind", spec.proxySocket, spec.proxySocket);
  }

  args.push("--unshare-pid");
  if (spec.unshareUser) args.push("--unshare-user");
  if (spec.network !== "enabled") args.push("--unshare-net");
  for (const [name, value] of spec.setenv ?? []) args.push("--setenv", name, value);
  args.push("--chdir", spec.cwd, "--", ...spec.command);
  return args;
}
