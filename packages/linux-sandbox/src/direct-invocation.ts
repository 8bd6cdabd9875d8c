import { buildBwrapArgs } from "./bwrap-args.js";
import { findBwrap } from "./bwrap-path.js";
import { parseHelperArgs } from "./helper-request.js";
import { bwrapSpecFor, planSandboxMounts } from "./run-linux-sandbox.js";

/** A program to spawn, as produced by `@codex-ts/sandboxing`'s `transform`. */
export interface Invocation {
  program: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface DirectInvocationOptions {
  /** Path of the `codex-linux-sandbox` helper the invocation runs. */
  helperPath: string;
  /** Whether bubblewrap can mount a new `/proc` here (see `probeProcMount`); when false `/proc` is masked. */
  procMountWorks: boolean;
}

/**
 * Turns a helper invocation into a direct `bwrap` invocation when the helper would have nothing to do but start
 * bubblewrap: no missing protected path to clean up after, no proxy forwarder. Saves one node start per command.
 * Returns the invocation unchanged otherwise (or when it is not a helper invocation).
 */
export function directBwrapInvocation(invocation: Invocation, options: DirectInvocationOptions): Invocation {
  const helperIndex = invocation.program === options.helperPath ? 0 : invocation.args[0] === options.helperPath ? 1 : -1;
  if (helperIndex < 0) return invocation;
  const request = parseHelperArgs(invocation.args.slice(helperIndex));
  if (request.network === "proxy") return invocation;
  const plan = planSandboxMounts(request, invocation.env);
  if (plan.placeholders.length > 0) return invocation;
  const bwrapPath = findBwrap(request.bwrapPath, invocation.env);
  const spec = bwrapSpecFor(
    { ...request, mountProc: request.mountProc && options.procMountWorks },
    plan,
    { cwd: invocation.cwd, bwrapPath, command: request.command },
  );
  return { program: bwrapPath, args: buildBwrapArgs(spec), env: invocation.env, cwd: invocation.cwd };
}
