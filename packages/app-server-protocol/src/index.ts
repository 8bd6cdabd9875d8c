// @codex-ts/app-server-protocol: wire types, envelope, method registry, validators and schema export of
// the app-server JSON-RPC protocol (v2).

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

export { CLIENT_REQUESTS, noParamsSchema } from "./registry/client-requests.js";
export type { NotificationDefinition, RequestDefinition } from "./registry/definitions.js";
export {
  experimentalReason,
  isExperimentalServerNotification,
  stripExperimentalFields,
  stripExperimentalNotificationParams,
  stripExperimentalResult,
} from "./registry/experimental.js";
export { plainInitializeParams } from "./registry/initialize-params.js";
export {
  CLIENT_NOTIFICATION_METHODS,
  CLIENT_REQUEST_METHODS,
  type DecodedClientRequest,
  type DecodeResult,
  decodeClientNotification,
  decodeClientRequest,
  decodeServerNotification,
  describeValidationError,
  getClientNotificationDefinition,
  getClientRequestDefinition,
  getServerNotificationDefinition,
  isClientNotificationMethod,
  isClientRequestMethod,
  isServerNotificationMethod,
  SERVER_NOTIFICATION_METHODS,
} from "./registry/lookup.js";
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
  ServerRequestMethod,
  ServerRequestTypes,
} from "./registry/method-types.js";
export { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS, SERVER_REQUESTS } from "./registry/notifications.js";

export { buildJsonSchemaFiles, generateJsonSchema, JSON_BUNDLE_FILE } from "./schema-export/json-files.js";
export type { ExportOptions } from "./schema-export/protocol-schema.js";
export { buildTsFiles, generateTs, TS_HEADER } from "./schema-export/ts-files.js";

export { compareSchemas, pointerResolver, type SchemaMismatch, type SchemaSide } from "./compat/compare-schemas.js";
export type { SchemaNode, SchemaObject } from "./schema-export/json-schema-types.js";
