// Every server → client request this implementation sends. The client answers each with a result.
import * as approvals from "../validators/thread-notifications.js";
import type { RequestDefinition } from "./definitions.js";
import type { ServerRequestMethod, ServerRequestTypes } from "./method-types.js";

type Entry<M extends ServerRequestMethod> = RequestDefinition<
  M,
  ServerRequestTypes[M]["params"],
  ServerRequestTypes[M]["result"]
>;

function entry<M extends ServerRequestMethod>(
  method: M,
  params: Entry<M>["params"],
  result: Entry<M>["result"],
  base: string,
): Entry<M> {
  return {
    method,
    params,
    result,
    experimental: false,
    typeNames: { params: `${base}Params`, result: `${base}Response` },
    experimentalFields: { params: [], result: [] },
  };
}

/** The server request registry, keyed by method. */
export const SERVER_REQUESTS: { readonly [M in ServerRequestMethod]: Entry<M> } = {
  "item/commandExecution/requestApproval": entry(
    "item/commandExecution/requestApproval",
    approvals.commandExecutionRequestApprovalParamsSchema,
    approvals.commandExecutionRequestApprovalResponseSchema,
    "CommandExecutionRequestApproval",
  ),
  "item/fileChange/requestApproval": entry(
    "item/fileChange/requestApproval",
    approvals.fileChangeRequestApprovalParamsSchema,
    approvals.fileChangeRequestApprovalResponseSchema,
    "FileChangeRequestApproval",
  ),
};
