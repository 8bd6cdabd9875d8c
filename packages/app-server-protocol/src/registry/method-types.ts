// Compile-time map from method name to its wire types. The registry entries are checked against these
// maps, and servers and clients use them to type handlers and calls.
import type * as W from "../wire/index.js";

/** Requests a client sends: method → params and result types. */
export interface ClientRequestTypes {
  initialize: { params: W.InitializeParams; result: W.InitializeResponse };
  "fs/readFile": { params: W.FsReadFileParams; result: W.FsReadFileResponse };
  "fs/writeFile": { params: W.FsWriteFileParams; result: W.FsWriteFileResponse };
  "fs/createDirectory": { params: W.FsCreateDirectoryParams; result: W.FsCreateDirectoryResponse };
  "fs/getMetadata": { params: W.FsGetMetadataParams; result: W.FsGetMetadataResponse };
  "fs/readDirectory": { params: W.FsReadDirectoryParams; result: W.FsReadDirectoryResponse };
  "fs/remove": { params: W.FsRemoveParams; result: W.FsRemoveResponse };
  "fs/copy": { params: W.FsCopyParams; result: W.FsCopyResponse };
  "fs/watch": { params: W.FsWatchParams; result: W.FsWatchResponse };
  "fs/unwatch": { params: W.FsUnwatchParams; result: W.FsUnwatchResponse };
  "command/exec": { params: W.CommandExecParams; result: W.CommandExecResponse };
  "command/exec/write": { params: W.CommandExecWriteParams; result: W.CommandExecWriteResponse };
  "command/exec/terminate": { params: W.CommandExecTerminateParams; result: W.CommandExecTerminateResponse };
  "command/exec/resize": { params: W.CommandExecResizeParams; result: W.CommandExecResizeResponse };
  "config/read": { params: W.ConfigReadParams; result: W.ConfigReadResponse };
  "config/value/write": { params: W.ConfigValueWriteParams; result: W.ConfigWriteResponse };
  "config/batchWrite": { params: W.ConfigBatchWriteParams; result: W.ConfigWriteResponse };
  "configRequirements/read": { params: undefined; result: W.ConfigRequirementsReadResponse };
  "experimentalFeature/list": { params: W.ExperimentalFeatureListParams; result: W.ExperimentalFeatureListResponse };
  "model/list": { params: W.ModelListParams; result: W.ModelListResponse };
  fuzzyFileSearch: { params: W.FuzzyFileSearchParams; result: W.FuzzyFileSearchResponse };
  "fuzzyFileSearch/sessionStart": {
    params: W.FuzzyFileSearchSessionStartParams;
    result: W.FuzzyFileSearchSessionStartResponse;
  };
  "fuzzyFileSearch/sessionUpdate": {
    params: W.FuzzyFileSearchSessionUpdateParams;
    result: W.FuzzyFileSearchSessionUpdateResponse;
  };
  "fuzzyFileSearch/sessionStop": {
    params: W.FuzzyFileSearchSessionStopParams;
    result: W.FuzzyFileSearchSessionStopResponse;
  };
  gitDiffToRemote: { params: W.GitDiffToRemoteParams; result: W.GitDiffToRemoteResponse };
  "thread/start": { params: W.ThreadStartParams; result: W.ThreadStartResponse };
  "thread/resume": { params: W.ThreadResumeParams; result: W.ThreadResumeResponse };
  "thread/fork": { params: W.ThreadForkParams; result: W.ThreadForkResponse };
  "thread/list": { params: W.ThreadListParams; result: W.ThreadListResponse };
  "thread/read": { params: W.ThreadReadParams; result: W.ThreadReadResponse };
  "thread/archive": { params: W.ThreadArchiveParams; result: W.ThreadArchiveResponse };
  "thread/unarchive": { params: W.ThreadUnarchiveParams; result: W.ThreadUnarchiveResponse };
  "thread/name/set": { params: W.ThreadSetNameParams; result: W.ThreadSetNameResponse };
  "thread/loaded/list": { params: W.ThreadLoadedListParams; result: W.ThreadLoadedListResponse };
  "thread/compact/start": { params: W.ThreadCompactStartParams; result: W.ThreadCompactStartResponse };
  "turn/start": { params: W.TurnStartParams; result: W.TurnStartResponse };
  "turn/steer": { params: W.TurnSteerParams; result: W.TurnSteerResponse };
  "turn/interrupt": { params: W.TurnInterruptParams; result: W.TurnInterruptResponse };
}

/** Notifications a server sends: method → params type. */
export interface ServerNotificationTypes {
  "fs/changed": W.FsChangedNotification;
  "command/exec/outputDelta": W.CommandExecOutputDeltaNotification;
  configWarning: W.ConfigWarningNotification;
  "fuzzyFileSearch/sessionUpdated": W.FuzzyFileSearchSessionUpdatedNotification;
  "fuzzyFileSearch/sessionCompleted": W.FuzzyFileSearchSessionCompletedNotification;
  error: W.ErrorNotification;
  "thread/started": W.ThreadStartedNotification;
  "thread/status/changed": W.ThreadStatusChangedNotification;
  "thread/archived": W.ThreadArchivedNotification;
  "thread/unarchived": W.ThreadUnarchivedNotification;
  "thread/name/updated": W.ThreadNameUpdatedNotification;
  "thread/tokenUsage/updated": W.ThreadTokenUsageUpdatedNotification;
  "turn/started": W.TurnStartedNotification;
  "turn/completed": W.TurnCompletedNotification;
  "turn/diff/updated": W.TurnDiffUpdatedNotification;
  "turn/plan/updated": W.TurnPlanUpdatedNotification;
  "item/started": W.ItemStartedNotification;
  "item/completed": W.ItemCompletedNotification;
  "item/agentMessage/delta": W.AgentMessageDeltaNotification;
  "item/reasoning/summaryTextDelta": W.ReasoningSummaryTextDeltaNotification;
  "item/reasoning/summaryPartAdded": W.ReasoningSummaryPartAddedNotification;
  "item/reasoning/textDelta": W.ReasoningTextDeltaNotification;
  "item/commandExecution/outputDelta": W.CommandExecutionOutputDeltaNotification;
  "serverRequest/resolved": W.ServerRequestResolvedNotification;
}

/** Notifications a client sends: method → params type. */
export interface ClientNotificationTypes {
  initialized: undefined;
}

/** Requests a server sends (the client answers them): method → params and result types. */
export interface ServerRequestTypes {
  "item/commandExecution/requestApproval": {
    params: W.CommandExecutionRequestApprovalParams;
    result: W.CommandExecutionRequestApprovalResponse;
  };
  "item/fileChange/requestApproval": {
    params: W.FileChangeRequestApprovalParams;
    result: W.FileChangeRequestApprovalResponse;
  };
}

export type ClientRequestMethod = keyof ClientRequestTypes;
export type ServerNotificationMethod = keyof ServerNotificationTypes;
export type ClientNotificationMethod = keyof ClientNotificationTypes;
export type ServerRequestMethod = keyof ServerRequestTypes;

export type ClientRequestParams<M extends ClientRequestMethod> = ClientRequestTypes[M]["params"];
export type ClientRequestResult<M extends ClientRequestMethod> = ClientRequestTypes[M]["result"];

/** `params` is optional exactly when the method takes none. */
type ParamsMember<P> = undefined extends P ? { params?: P | null } : { params: P };

/** A typed client request. */
export type ClientRequest = {
  [M in ClientRequestMethod]: { id: W.RequestId; method: M } & ParamsMember<ClientRequestParams<M>>;
}[ClientRequestMethod];

/** A typed server notification. */
export type ServerNotification = {
  [M in ServerNotificationMethod]: { method: M; params: ServerNotificationTypes[M] };
}[ServerNotificationMethod];

export type ServerRequestParams<M extends ServerRequestMethod> = ServerRequestTypes[M]["params"];
export type ServerRequestResult<M extends ServerRequestMethod> = ServerRequestTypes[M]["result"];

/** A typed server request. */
export type ServerRequest = {
  [M in ServerRequestMethod]: { id: W.RequestId; method: M; params: ServerRequestParams<M> };
}[ServerRequestMethod];

/** A typed client notification. */
export type ClientNotification = {
  [M in ClientNotificationMethod]: { method: M } & ParamsMember<ClientNotificationTypes[M]>;
}[ClientNotificationMethod];
