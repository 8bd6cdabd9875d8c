// Every client → server request this implementation serves.
import { z } from "zod";
import * as command from "../validators/command.js";
import * as configRead from "../validators/config-read.js";
import * as requirements from "../validators/config-requirements.js";
import * as configWrite from "../validators/config-write.js";
import * as fs from "../validators/fs.js";
import * as init from "../validators/initialize.js";
import * as model from "../validators/model.js";
import * as search from "../validators/search.js";
import * as thread from "../validators/thread-requests.js";
import type { RequestDefinition } from "./definitions.js";
import { CLIENT_REQUEST_GATING, gatingOf } from "./gating.js";
import type { ClientRequestMethod, ClientRequestTypes } from "./method-types.js";

/** Params validator of methods that take none: accepts an absent or `null` params and yields `undefined`. */
export const noParamsSchema: z.ZodType<undefined> = z.union([z.null(), z.undefined()]).transform(() => undefined);

type Entry<M extends ClientRequestMethod> = RequestDefinition<
  M,
  ClientRequestTypes[M]["params"],
  ClientRequestTypes[M]["result"]
>;

function entry<M extends ClientRequestMethod>(
  method: M,
  params: z.ZodType<ClientRequestTypes[M]["params"]>,
  result: z.ZodType<ClientRequestTypes[M]["result"]>,
  typeNames: { params: string | null; result: string },
): Entry<M> {
  const gating = gatingOf(CLIENT_REQUEST_GATING, method);
  return {
    method,
    params,
    result,
    experimental: gating.experimental ?? false,
    typeNames,
    experimentalFields: { params: gating.params ?? [], result: gating.result ?? [] },
  };
}

/** Wire type names `<Base>Params` / `<Base>Response`. */
function names(base: string): { params: string; result: string } {
  return { params: `${base}Params`, result: `${base}Response` };
}

/** The client request registry, keyed by method. */
export const CLIENT_REQUESTS: { readonly [M in ClientRequestMethod]: Entry<M> } = {
  initialize: entry("initialize", init.initializeParamsSchema, init.initializeResponseSchema, names("Initialize")),
  "fs/readFile": entry("fs/readFile", fs.fsReadFileParamsSchema, fs.fsReadFileResponseSchema, names("FsReadFile")),
  "fs/writeFile": entry(
    "fs/writeFile",
    fs.fsWriteFileParamsSchema,
    fs.fsWriteFileResponseSchema,
    names("FsWriteFile"),
  ),
  "fs/createDirectory": entry(
    "fs/createDirectory",
    fs.fsCreateDirectoryParamsSchema,
    fs.fsCreateDirectoryResponseSchema,
    names("FsCreateDirectory"),
  ),
  "fs/getMetadata": entry(
    "fs/getMetadata",
    fs.fsGetMetadataParamsSchema,
    fs.fsGetMetadataResponseSchema,
    names("FsGetMetadata"),
  ),
  "fs/readDirectory": entry(
    "fs/readDirectory",
    fs.fsReadDirectoryParamsSchema,
    fs.fsReadDirectoryResponseSchema,
    names("FsReadDirectory"),
  ),
  "fs/remove": entry("fs/remove", fs.fsRemoveParamsSchema, fs.fsRemoveResponseSchema, names("FsRemove")),
  "fs/copy": entry("fs/copy", fs.fsCopyParamsSchema, fs.fsCopyResponseSchema, names("FsCopy")),
  "fs/watch": entry("fs/watch", fs.fsWatchParamsSchema, fs.fsWatchResponseSchema, names("FsWatch")),
  "fs/unwatch": entry("fs/unwatch", fs.fsUnwatchParamsSchema, fs.fsUnwatchResponseSchema, names("FsUnwatch")),
  "command/exec": entry(
    "command/exec",
    command.commandExecParamsSchema,
    command.commandExecResponseSchema,
    names("CommandExec")
  ),
  "command/exec/write": entry(
    "command/exec/write",
    command.commandExecWriteParamsSchema,
    command.commandExecWriteResponseSchema,
    names("CommandExecWrite"),
  ),
  "command/exec/terminate": entry(
    "command/exec/terminate",
    command.commandExecTerminateParamsSchema,
    command.commandExecTerminateResponseSchema,
    names("CommandExecTerminate"),
  ),
  "command/exec/resize": entry(
    "command/exec/resize",
    command.commandExecResizeParamsSchema,
    command.commandExecResizeResponseSchema,
    names("CommandExecResize"),
  ),
  "config/read": entry(
    "config/read",
    configRead.configReadParamsSchema,
    configRead.configReadResponseSchema,
    names("ConfigRead")
  ),
  "config/value/write": entry(
    "config/value/write",
    configWrite.configValueWriteParamsSchema,
    configWrite.configWriteResponseSchema,
    { params: "ConfigValueWriteParams", result: "ConfigWriteResponse" },
  ),
  "config/batchWrite": entry(
    "config/batchWrite",
    configWrite.configBatchWriteParamsSchema,
    configWrite.configWriteResponseSchema,
    { params: "ConfigBatchWriteParams", result: "ConfigWriteResponse" },
  ),
  "configRequirements/read": entry(
    "configRequirements/read",
    noParamsSchema,
    requirements.configRequirementsReadResponseSchema,
    { params: null, result: "ConfigRequirementsReadResponse" }
  ),
  "experimentalFeature/list": entry(
    "experimentalFeature/list",
    model.experimentalFeatureListParamsSchema,
    model.experimentalFeatureListResponseSchema,
    names("ExperimentalFeatureList"),
  ),
  "model/list": entry("model/list", model.modelListParamsSchema, model.modelListResponseSchema, names("ModelList")),
  fuzzyFileSearch: entry(
    "fuzzyFileSearch",
    search.fuzzyFileSearchParamsSchema,
    search.fuzzyFileSearchResponseSchema,
    names("FuzzyFileSearch"),
  ),
  "fuzzyFileSearch/sessionStart": entry(
    "fuzzyFileSearch/sessionStart",
    search.fuzzyFileSearchSessionStartParamsSchema,
    search.fuzzyFileSearchSessionStartResponseSchema,
    names("FuzzyFileSearchSessionStart")
  ),
  "fuzzyFileSearch/sessionUpdate": entry(
    "fuzzyFileSearch/sessionUpdate",
    search.fuzzyFileSearchSessionUpdateParamsSchema,
    search.fuzzyFileSearchSessionUpdateResponseSchema,
    names("FuzzyFileSearchSessionUpdate")
  ),
  "fuzzyFileSearch/sessionStop": entry(
    "fuzzyFileSearch/sessionStop",
    search.fuzzyFileSearchSessionStopParamsSchema,
    search.fuzzyFileSearchSessionStopResponseSchema,
    names("FuzzyFileSearchSessionStop")
  ),
  gitDiffToRemote: entry(
    "gitDiffToRemote",
    search.gitDiffToRemoteParamsSchema,
    search.gitDiffToRemoteResponseSchema,
    names("GitDiffToRemote"),
  ),
  "thread/start": entry(
    "thread/start",
    thread.threadStartParamsSchema,
    thread.threadStartResponseSchema,
    names("ThreadStart"),
  ),
  "thread/resume": entry(
    "thread/resume",
    thread.threadResumeParamsSchema,
    thread.threadResumeResponseSchema,
    names("ThreadResume"),
  ),
  "thread/fork": entry(
    "thread/fork",
    thread.threadForkParamsSchema,
    thread.threadForkResponseSchema,
    names("ThreadFork"),
  ),
  "thread/list": entry(
    "thread/list",
    thread.threadListParamsSchema,
    thread.threadListResponseSchema,
    names("ThreadList"),
  ),
  "thread/read": entry(
    "thread/read",
    thread.threadReadParamsSchema,
    thread.threadReadResponseSchema,
    names("ThreadRead"),
  ),
  "thread/archive": entry(
    "thread/archive",
    thread.threadArchiveParamsSchema,
    thread.threadArchiveResponseSchema,
    names("ThreadArchive"),
  ),
  "thread/unarchive": entry(
    "thread/unarchive",
    thread.threadUnarchiveParamsSchema,
    thread.threadUnarchiveResponseSchema,
    names("ThreadUnarchive"),
  ),
  "thread/name/set": entry(
    "thread/name/set",
    thread.threadSetNameParamsSchema,
    thread.threadSetNameResponseSchema,
    names("ThreadSetName"),
  ),
  "thread/loaded/list": entry(
    "thread/loaded/list",
    thread.threadLoadedListParamsSchema,
    thread.threadLoadedListResponseSchema,
    names("ThreadLoadedList"),
  ),
  "thread/compact/start": entry(
    "thread/compact/start",
    thread.threadCompactStartParamsSchema,
    thread.threadCompactStartResponseSchema,
    names("ThreadCompactStart"),
  ),
  "turn/start": entry(
    "turn/start",
    thread.turnStartParamsSchema,
    thread.turnStartResponseSchema,
    names("TurnStart"),
  ),
  "turn/steer": entry(
    "turn/steer",
    thread.turnSteerParamsSchema,
    thread.turnSteerResponseSchema,
    names("TurnSteer"),
  ),
  "turn/interrupt": entry(
    "turn/interrupt",
    thread.turnInterruptParamsSchema,
    thread.turnInterruptResponseSchema,
    names("TurnInterrupt"),
  ),
};
