// @codex-ts/app-server-protocol: wire types, envelope, method registry, validators and schema export of
// the app-server JSON-RPC protocol (v2). Everything the light `./envelope` entry offers is here too.

export * from "./envelope.js";

export { CLIENT_REQUESTS, noParamsSchema } from "./registry/client-requests.js";
export type { NotificationDefinition, RequestDefinition } from "./registry/definitions.js";
export {
  CLIENT_NOTIFICATION_METHODS,
  CLIENT_REQUEST_METHODS,
  type DecodedClientRequest,
  type DecodeResult,
  decodeClientNotification,
  decodeClientRequest,
  decodeServerNotification,
  decodeServerRequest,
  decodeServerRequestResult,
  describeValidationError,
  getClientNotificationDefinition,
  getClientRequestDefinition,
  getServerNotificationDefinition,
  getServerRequestDefinition,
  isClientNotificationMethod,
  isClientRequestMethod,
  isServerNotificationMethod,
  isServerRequestMethod,
  SERVER_NOTIFICATION_METHODS,
  SERVER_REQUEST_METHODS,
} from "./registry/lookup.js";
export { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS } from "./registry/notifications.js";
export { SERVER_REQUESTS } from "./registry/server-requests.js";

export { buildJsonSchemaFiles, generateJsonSchema, JSON_BUNDLE_FILE } from "./schema-export/json-files.js";
export type { ExportOptions } from "./schema-export/protocol-schema.js";
export { buildTsFiles, generateTs, TS_HEADER } from "./schema-export/ts-files.js";

export { compareSchemas, pointerResolver, type SchemaMismatch, type SchemaSide } from "./compat/compare-schemas.js";
export type { SchemaNode, SchemaObject } from "./schema-export/json-schema-types.js";
export { commandActionSchema, fileUpdateChangeSchema, threadItemSchema } from "./validators/thread-item.js";
export {
  commandExecutionApprovalDecisionSchema,
  commandExecutionRequestApprovalResponseSchema,
  fileChangeApprovalDecisionSchema,
  fileChangeRequestApprovalResponseSchema,
} from "./validators/thread-notifications.js";
export {
  codexErrorInfoSchema,
  threadSchema,
  threadStatusSchema,
  threadTokenUsageSchema,
  turnErrorSchema,
  turnPlanStepSchema,
  turnSchema,
} from "./validators/turn.js";
export { userInputSchema } from "./validators/user-input.js";
