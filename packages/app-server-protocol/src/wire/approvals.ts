// Server → client approval requests: `item/commandExecution/requestApproval` and
// `item/fileChange/requestApproval`. The client answers with a decision.
import type { LegacyAppPathString } from "./config-requirements-managed.js";
import type { Int64 } from "./scalars.js";
import type { CommandAction } from "./thread-item-parts.js";

/** What kind of command is to be approved. */
export type CommandExecutionApprovalKind = "command" | "writeStdin" | "humanCommand";

export type NetworkApprovalProtocol = "http" | "https" | "socks5Tcp" | "socks5Udp";

/** The network access a command asks for. */
export interface NetworkApprovalContext {
  host: string;
  protocol: NetworkApprovalProtocol;
}

export type NetworkPolicyRuleAction = "allow" | "deny";

/** A rule for a host that the user could add to the network policy. */
export interface NetworkPolicyAmendment {
  host: string;
  action: NetworkPolicyRuleAction;
}

/** Ask the client to approve a command. */
export interface CommandExecutionRequestApprovalParams {
  threadId: string;
  turnId: string;
  /** The `commandExecution` item the command belongs to. */
  itemId: string;
  /** Unix milliseconds. */
  startedAtMs: Int64;
  /** Tells several approvals of one item apart. */
  approvalId?: string | null;
  /** Defaults to `command`. */
  kind?: CommandExecutionApprovalKind;
  environmentId?: string | null;
  reason?: string | null;
  networkApprovalContext?: NetworkApprovalContext | null;
  command?: string | null;
  cwd?: LegacyAppPathString | null;
  commandActions?: CommandAction[] | null;
  /** A command prefix the user could allow from now on. */
  proposedExecpolicyAmendment?: string[] | null;
  proposedNetworkPolicyAmendments?: NetworkPolicyAmendment[] | null;
}

/**
 * The user's answer about a command. `decline` lets the turn go on; `cancel` also interrupts it. The inner
 * keys of the amendment variants are snake_case on the wire.
 */
export type CommandExecutionApprovalDecision =
  | "accept"
  | "acceptForSession"
  | { acceptWithExecpolicyAmendment: { execpolicy_amendment: string[] } }
  | { applyNetworkPolicyAmendment: { network_policy_amendment: NetworkPolicyAmendment } }
  | "decline"
  | "cancel";

export interface CommandExecutionRequestApprovalResponse {
  decision: CommandExecutionApprovalDecision;
}

/** Ask the client to approve a file change. */
export interface FileChangeRequestApprovalParams {
  threadId: string;
  turnId: string;
  /** The `fileChange` item to approve; its `changes` list the files. */
  itemId: string;
  /** Unix milliseconds. */
  startedAtMs: Int64;
  reason?: string | null;
  /** A directory the user could allow writes under for the rest of the session. */
  grantRoot?: string | null;
}

/** The user's answer about a file change. `cancel` also interrupts the turn. */
export type FileChangeApprovalDecision = "accept" | "acceptForSession" | "decline" | "cancel";

export interface FileChangeRequestApprovalResponse {
  decision: FileChangeApprovalDecision;
}
