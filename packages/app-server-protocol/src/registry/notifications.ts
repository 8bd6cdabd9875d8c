// Every notification this implementation sends or accepts.
import { z } from "zod";
import * as command from "../validators/command.js";
import * as configWrite from "../validators/config-write.js";
import * as fs from "../validators/fs.js";
import * as search from "../validators/search.js";
import * as thread from "../validators/thread-notifications.js";
import type { NotificationDefinition } from "./definitions.js";
import { gatingOf, SERVER_NOTIFICATION_GATING } from "./gating.js";
import type {
  ClientNotificationMethod,
  ClientNotificationTypes,
  ServerNotificationMethod,
  ServerNotificationTypes,
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
  ),  error: notification("error", thread.errorNotificationSchema, "ErrorNotification"),
  "thread/started": notification("thread/started", thread.threadStartedNotificationSchema, "ThreadStartedNotification"),
  "thread/status/changed": notification("thread/status/changed", thread.threadStatusChangedNotificationSchema, "ThreadStatusChangedNotification"),
  "thread/archived": notification("thread/archived", thread.threadArchivedNotificationSchema, "ThreadArchivedNotification"),
  "thread/unarchived": notification("thread/unarchived", thread.threadUnarchivedNotificationSchema, "ThreadUnarchivedNotification"),
  "thread/name/updated": notification("thread/name/updated", thread.threadNameUpdatedNotificationSchema, "ThreadNameUpdatedNotification"),
  "thread/tokenUsage/updated": notification("thread/tokenUsage/updated", thread.threadTokenUsageUpdatedNotificationSchema, "ThreadTokenUsageUpdatedNotification"),
  "turn/started": notification("turn/started", thread.turnStartedNotificationSchema, "TurnStartedNotification"),
  "turn/completed": notification("turn/completed", thread.turnCompletedNotificationSchema, "TurnCompletedNotification"),
  "turn/diff/updated": notification("turn/diff/updated", thread.turnDiffUpdatedNotificationSchema, "TurnDiffUpdatedNotification"),
  "turn/plan/updated": notification("turn/plan/updated", thread.turnPlanUpdatedNotificationSchema, "TurnPlanUpdatedNotification"),
  "item/started": notification("item/started", thread.itemStartedNotificationSchema, "ItemStartedNotification"),
  "item/completed": notification("item/completed", thread.itemCompletedNotificationSchema, "ItemCompletedNotification"),
  "item/agentMessage/delta": notification("item/agentMessage/delta", thread.agentMessageDeltaNotificationSchema, "AgentMessageDeltaNotification"),
  "item/reasoning/summaryTextDelta": notification("item/reasoning/summaryTextDelta", thread.reasoningSummaryTextDeltaNotificationSchema, "ReasoningSummaryTextDeltaNotification"),
  "item/reasoning/summaryPartAdded": notification("item/reasoning/summaryPartAdded", thread.reasoningSummaryPartAddedNotificationSchema, "ReasoningSummaryPartAddedNotification"),
  "item/reasoning/textDelta": notification("item/reasoning/textDelta", thread.reasoningTextDeltaNotificationSchema, "ReasoningTextDeltaNotification"),
  "item/commandExecution/outputDelta": notification("item/commandExecution/outputDelta", thread.commandExecutionOutputDeltaNotificationSchema, "CommandExecutionOutputDeltaNotification"),
  "serverRequest/resolved": notification("serverRequest/resolved", thread.serverRequestResolvedNotificationSchema, "ServerRequestResolvedNotification"),
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
