// @codex-ts/app-server-protocol/envelope: what a server needs before its first request is decoded, with no
// validators (and so no zod): the envelope, error builders, client-name check, experimental gating, and a
// validator-free reading of plainly valid `initialize` params. The full registry and decoders are in the
// main entry point.

export type * from "./wire/index.js";

export {
  ALREADY_INITIALIZED_MESSAGE,
  alreadyInitializedError,
  experimentalApiRequiredError,
  INPUT_TOO_LARGE_ERROR_CODE,
  INTERNAL_ERROR_CODE,
  internalError,
  INVALID_PARAMS_ERROR_CODE,
  INVALID_REQUEST_ERROR_CODE,
  invalidClientNameError,
  invalidParamsError,
  invalidRequestError,
  METHOD_NOT_FOUND_ERROR_CODE,
  methodNotFoundError,
  NOT_INITIALIZED_MESSAGE,
  notInitializedError,
  PARSE_ERROR_CODE,
  parseError,
  RpcError,
  SERVER_DRAINING_MESSAGE,
  SERVER_OVERLOADED_ERROR_CODE,
  SERVER_OVERLOADED_MESSAGE,
  serverDrainingError,
  serverOverloadedError,
} from "./jsonrpc/errors.js";
export { isValidClientName } from "./jsonrpc/client-name.js";
export {
  classifyIncomingMessage,
  encodeMessage,
  type IncomingMessage,
  type OutgoingMessage,
  parseIncomingMessage,
} from "./jsonrpc/message.js";
export {
  experimentalReason,
  isExperimentalServerNotification,
  stripExperimentalFields,
  stripExperimentalNotificationParams,
  stripExperimentalResult,
} from "./registry/experimental.js";
export { plainInitializeParams } from "./registry/initialize-params.js";
export type {
  ClientNotification,
  ClientNotificationMethod,
  ClientNotificationTypes,
  ClientRequest,
  ClientRequestMethod,
  ClientRequestParams,
  ClientRequestResult,
  ClientRequestTypes,
  ServerNotification,
  ServerNotificationMethod,
  ServerNotificationTypes,
  ServerRequest,
  ServerRequestMethod,
  ServerRequestParams,
  ServerRequestResult,
  ServerRequestTypes,
} from "./registry/method-types.js";
