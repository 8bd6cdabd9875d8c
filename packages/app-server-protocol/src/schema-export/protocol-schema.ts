// The exported view of the protocol: which methods and types are in it (stable or experimental), their
// definitions, and where each type's file goes.
import { CLIENT_REQUESTS } from "../registry/client-requests.js";
import type { NotificationDefinition, RequestDefinition } from "../registry/definitions.js";
import { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS } from "../registry/notifications.js";
import { SERVER_REQUESTS } from "../registry/server-requests.js";
import { notificationUnion, requestUnion } from "./envelope.js";
import { reachable, withoutExperimentalProperties } from "./filter.js";
import type { Definitions } from "./json-schema-types.js";
import { wireDefinitions } from "./raw-schema.js";

export interface ExportOptions {
  /** Include experimental methods and fields. Defaults to false: the stable surface only. */
  experimental?: boolean;
}

/** Folder of a type in the exported trees: the root, or the `v2` subfolder. */
export type TypeGroup = "root" | "v2";

export interface ProtocolSchema {
  experimental: boolean;
  /** Every exported definition, experimental markers still in place. */
  definitions: Definitions;
  /** Types that get a file of their own, sorted: message params/results/notifications and the envelope. */
  fileTypes: string[];
}

/** Envelope types, always exported. */
export const ENVELOPE_TYPES = [
  "RequestId",
  "W3cTraceContext",
  "JSONRPCMessage",
  "JSONRPCRequest",
  "JSONRPCNotification",
  "JSONRPCResponse",
  "JSONRPCError",
  "JSONRPCErrorError",
] as const;

const ROOT_TYPES = new Set<string>([
  ...ENVELOPE_TYPES,
  "ClientRequest",
  "ClientNotification",
  "ServerNotification",
  "ServerRequest",
  "ClientInfo",
  "InitializeCapabilities",
  "InitializeParams",
  "InitializeResponse",
  "GitSha",
  "CommandExecutionRequestApprovalParams",
  "CommandExecutionRequestApprovalResponse",
  "CommandExecutionApprovalDecision",
  "CommandExecutionApprovalKind",
  "NetworkApprovalContext",
  "NetworkApprovalProtocol",
  "NetworkPolicyAmendment",
  "NetworkPolicyRuleAction",
  "FileChangeRequestApprovalParams",
  "FileChangeRequestApprovalResponse",
  "FileChangeApprovalDecision",
]);

/** Root types whose JSON file goes to `v1/`, as upstream lays them out. */
export const V1_JSON_TYPES = new Set(["InitializeParams", "InitializeResponse"]);

/** Which folder a type's file goes to. */
export function typeGroup(name: string): TypeGroup {
  if (ROOT_TYPES.has(name) || name.startsWith("FuzzyFileSearch") || name.startsWith("GitDiffToRemote")) return "root";
  return "v2";
}

function included<T extends { experimental: boolean }>(entries: Record<string, T>, experimental: boolean): T[] {
  return Object.values(entries).filter((entry) => experimental || !entry.experimental);
}

/** Builds the stable or experimental view of the protocol. */
export function buildProtocolSchema(options: ExportOptions = {}): ProtocolSchema {
  const experimental = options.experimental ?? false;
  const requests = included(CLIENT_REQUESTS as Record<string, RequestDefinition>, experimental);
  const serverNotifications = included(SERVER_NOTIFICATIONS as Record<string, NotificationDefinition>, experimental);
  const clientNotifications = included(CLIENT_NOTIFICATIONS as Record<string, NotificationDefinition>, experimental);
  const serverRequests = included(SERVER_REQUESTS as Record<string, RequestDefinition>, experimental);

  const all = wireDefinitions();
  const definitions: Definitions = {};
  for (const [name, node] of Object.entries(all)) {
    definitions[name] = experimental ? node : withoutExperimentalProperties(node);
  }
  const unions = {
    ClientRequest: requestUnion("ClientRequest", "A request from the client to the server.", requests),
    ServerRequest: requestUnion("ServerRequest", "A request from the server to the client.", serverRequests),
    ClientNotification: notificationUnion(
      "ClientNotification",
      "A notification from the client to the server.",
      clientNotifications,
    ),
    ServerNotification: notificationUnion(
      "ServerNotification",
      "A notification from the server to the client.",
      serverNotifications,
      {
        emittedAtMs: {
          type: "integer",
          format: "int64",
          description: "When the server emitted the notification, in Unix milliseconds.",
        },
      },
    ),
  };
  const roots = new Set<string>(ENVELOPE_TYPES);
  for (const [name, union] of Object.entries(unions)) {
    if (union === undefined) continue;
    definitions[name] = union;
    roots.add(name);
  }
  const messageTypes = new Set<string>();
  for (const entry of [...requests, ...serverRequests]) {
    if (entry.typeNames.params !== null) messageTypes.add(entry.typeNames.params);
    messageTypes.add(entry.typeNames.result);
  }
  for (const entry of [...serverNotifications, ...clientNotifications]) {
    if (entry.typeNames.params !== null) messageTypes.add(entry.typeNames.params);
  }
  for (const name of messageTypes) roots.add(name);

  const kept = reachable(definitions, roots);
  return {
    experimental,
    definitions: Object.fromEntries(kept.map((name) => [name, definitions[name] as Definitions[string]])),
    fileTypes: [...roots].sort(),
  };
}
