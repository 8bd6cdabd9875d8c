// Experimental administrator constraints: managed hooks, network policy, desktop application.
import type { UInt, UInt16, UInt64, JsonValue } from "./scalars.js";

/** How a hook runs. Tagged by `type`. */
export type ConfiguredHookHandler =
  | {
      type: "command";
      command: string;
      /** Command used on Windows instead of `command`. */
      commandWindows?: string | null;
      /** Run without waiting for the result. */
      async: boolean;
      timeoutSec?: UInt64 | null;
      statusMessage?: string | null;
      /** Cap on the context the hook may add. */
      additionalContextLimit?: UInt | null;
    }
  | {
      type: "mcp_tool";
      server: string;
      tool: string;
      input: { [key: string]: JsonValue };
      timeoutSec?: UInt64 | null;
      statusMessage?: string | null;
    }
  | { type: "prompt" }
  | { type: "agent" };

/** Hooks run for events that match `matcher`. */
export interface ConfiguredHookMatcherGroup {
  matcher?: string | null;
  hooks: ConfiguredHookHandler[];
}

/** Hooks imposed by the administrator, per lifecycle event (event names are PascalCase). */
export interface ManagedHooksRequirements {
  managedDir?: string | null;
  windowsManagedDir?: string | null;
  PreToolUse: ConfiguredHookMatcherGroup[];
  PermissionRequest: ConfiguredHookMatcherGroup[];
  PostToolUse: ConfiguredHookMatcherGroup[];
  PreCompact: ConfiguredHookMatcherGroup[];
  PostCompact: ConfiguredHookMatcherGroup[];
  SessionStart: ConfiguredHookMatcherGroup[];
  UserPromptSubmit: ConfiguredHookMatcherGroup[];
  SubagentStart: ConfiguredHookMatcherGroup[];
  SubagentStop: ConfiguredHookMatcherGroup[];
  Stop: ConfiguredHookMatcherGroup[];
  /** Defaults to an empty list. */
  Interrupt?: ConfiguredHookMatcherGroup[];
  /** Defaults to an empty list. */
  PreModelRequest?: ConfiguredHookMatcherGroup[];
  /** Defaults to an empty list. */
  PostModelRequest?: ConfiguredHookMatcherGroup[];
  /** Defaults to an empty list. */
  SessionEnd?: ConfiguredHookMatcherGroup[];
}

/** Decision for a network domain. */
export type NetworkDomainPermission = "allow" | "deny";

/** Decision for a unix socket path. */
export type NetworkUnixSocketPermission = "allow" | "deny";

/** Network policy imposed by the administrator. */
export interface NetworkRequirements {
  enabled?: boolean | null;
  httpPort?: UInt16 | null;
  socksPort?: UInt16 | null;
  allowUpstreamProxy?: boolean | null;
  allowLocalBinding?: boolean | null;
  dangerouslyAllowNonLoopbackProxy?: boolean | null;
  dangerouslyAllowAllUnixSockets?: boolean | null;
  /** Decision per domain pattern; the authoritative form. */
  domains?: { [domain: string]: NetworkDomainPermission } | null;
  /** Older view of `domains`: the allowed ones. */
  allowedDomains?: string[] | null;
  /** Older view of `domains`: the denied ones. */
  deniedDomains?: string[] | null;
  /** Host patterns that need a network approval before the allow rules apply. */
  reviewDomains?: string[] | null;
  /** Only administrator allow rules count while managed enforcement is on. */
  managedAllowedDomainsOnly?: boolean | null;
  /** Decision per unix socket path; the authoritative form. */
  unixSockets?: { [path: string]: NetworkUnixSocketPermission } | null;
  /** Older view of `unixSockets`: the allowed ones. */
  allowUnixSockets?: string[] | null;
}

/** Network constraints of the desktop application. */
export interface ApplicationNetworkRequirements {
  enabled: boolean;
  domains: { [domain: string]: NetworkDomainPermission };
}

/** A path in the format used by older desktop settings. */
export type LegacyAppPathString = string;

/** Storage constraints of the desktop application. */
export interface ApplicationStorageRequirements {
  defaultProjectParent?: LegacyAppPathString | null;
  projectlessWorkspaceRoot?: LegacyAppPathString | null;
}

/** Constraints on the desktop application. */
export interface ApplicationRequirements {
  network?: ApplicationNetworkRequirements | null;
  storage?: ApplicationStorageRequirements | null;
}
