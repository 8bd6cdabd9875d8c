// Every notification this implementation sends or accepts, and the server → client requests (none yet).
import { z } from "zod";
import * as command from "../validators/command.js";
import * as configWrite from "../validators/config-write.js";
import * as fs from "../validators/fs.js";
import * as search from "../validators/search.js";
import type { NotificationDefinition, RequestDefinition } from "./definitions.js";
import { gatingOf, SERVER_NOTIFICATION_GATING } from "./gating.js";
import type {
  ClientNotificationMethod,
  ClientNotificationTypes,
  ServerNotificationMethod,
  ServerNotificationTypes,
  ServerRequestMethod,
  ServerRequestTypes,
} from "./method-types.js";

type ServerEntry<M extends ServerNotificationMethod> = NotificationDefinition<M, ServerNotificationTypes[M]>;

function notification<M extends ServerNotificationMethod>(
  method: M,
  params: z.ZodType<ServerNotificationTypes[M]>,
  typeName: string,
): ServerEntry<M> {
  const gating = gatingOf(SERVER_NOTIFICATION_GATING, method);
  return {
    method,
    params,
    experimental: gating.experimental ?? false,
    typeNames: { params: typeName },
    experimentalFields: { params: gating.params ?? [] },
  };
}

/** The server notification registry, keyed by method. */
export const SERVER_NOTIFICATIONS: { readonly [M in ServerNotificationMethod]: ServerEntry<M> } = {
  "fs/changed": notification("fs/changed", fs.fsChangedNotificationSchema, "FsChangedNotification"),
  "command/exec/outputDelta": notification(
    "command/exec/outputDelta",
    command.commandExecOutputDeltaNotificationSchema,
    "CommandExecOutputDeltaNotification",
  ),
  configWarning: notification(
    "configWarning",
    configWrite.configWarningNotificationSchema,
    "ConfigWarningNotification",
  ),
  "fuzzyFileSearch/sessionUpdated": notification(
    "fuzzyFileSearch/sessionUpdated",
    search.fuzzyFileSearchSessionUpdatedNotificationSchema,
    "FuzzyFileSearchSessionUpdatedNotification",
  ),
  "fuzzyFileSearch/sessionCompleted": notification(
    "fuzzyFileSearch/sessionCompleted",
    search.fuzzyFileSearchSessionCompletedNotificationSchema,
    "FuzzyFileSearchSessionCompletedNotification",
  ),
};

/** The client notification registry, keyed by method. */
export const CLIENT_NOTIFICATIONS: {
  readonly [M in ClientNotificationMethod]: NotificationDefinition<M, ClientNotificationTypes[M]>;
} = {
  initialized: {
    method: "initialized",
    params: z.union([z.null(), z.undefined()]).transform(() => undefined),
    experimental: false,
    typeNames: { params: null },
    experimentalFields: { params: [] },
  },
};

/** The server request registry, keyed by method. Empty until approvals and other server requests land. */
export const SERVER_REQUESTS: {
  readonly [M in ServerRequestMethod]: RequestDefinition<M, ServerRequestTypes[M]["params"], ServerRequestTypes[M]["result"]>;
} = {};
