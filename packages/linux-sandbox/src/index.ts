export { type BwrapSpec, buildBwrapArgs } from "./bwrap-args.js";
export { BWRAP_INSTALL_HINT, findBwrap, needsUserNamespace } from "./bwrap-path.js";
export { type ChildExit, exitLike, waitForChild } from "./child-exit.js";
export { type DirectInvocationOptions, type Invocation, directBwrapInvocation } from "./direct-invocation.js";
export {
  HELPER_USAGE,
  type LinuxSandboxRequest,
  type NetworkMode,
  formatHelperArgs,
  parseHelperArgs,
} from "./helper-request.js";
export {
  LinuxSandboxError,
  type LinuxSandboxErrorCode,
  SANDBOX_SETUP_FAILED_EXIT_CODE,
} from "./linux-sandbox-error.js";
export { type FileSystemProbe, type MountPlan, nodeFileSystemProbe, planMounts } from "./mount-plan.js";
export { isProcMountFailure } from "./proc-mount.js";
export { probeProcMount } from "./probe.js";
export { type ProxyForwarder, proxyEnvironment, startProxyForwarder } from "./proxy-forwarder.js";
export { type RunLinuxSandboxOptions, defaultForwarderScript, runLinuxSandbox } from "./run-linux-sandbox.js";
