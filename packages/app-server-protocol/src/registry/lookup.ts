// Looking methods up in the registry and decoding incoming messages into typed ones.
import type { z } from "zod";
import { invalidRequestError } from "../jsonrpc/errors.js";
import type {
  JSONRPCErrorError,
  JSONRPCNotification,
  JSONRPCRequest,
  RequestId,
  W3cTraceContext,
} from "../wire/index.js";
import { CLIENT_REQUESTS } from "./client-requests.js";
import type { NotificationDefinition, RequestDefinition } from "./definitions.js";
import type {
  ClientNotification,
  ClientNotificationMethod,
  ClientRequestMethod,
  ClientRequestParams,
  ServerNotification,
  ServerNotificationMethod,
  ServerRequest,
  ServerRequestMethod,
  ServerRequestResult,
} from "./method-types.js";
import { CLIENT_NOTIFICATIONS, SERVER_NOTIFICATIONS } from "./notifications.js";
import { SERVER_REQUESTS } from "./server-requests.js";

/** Client request methods, in registry order. */
export const CLIENT_REQUEST_METHODS = Object.keys(CLIENT_REQUESTS) as readonly ClientRequestMethod[];
/** Server notification methods, in registry order. */
export const SERVER_NOTIFICATION_METHODS = Object.keys(SERVER_NOTIFICATIONS) as readonly ServerNotificationMethod[];
/** Client notification methods, in registry order. */
export const CLIENT_NOTIFICATION_METHODS = Object.keys(CLIENT_NOTIFICATIONS) as readonly ClientNotificationMethod[];

/** Server request methods, in registry order. */
export const SERVER_REQUEST_METHODS = Object.keys(SERVER_REQUESTS) as readonly ServerRequestMethod[];

export function isServerRequestMethod(method: string): method is ServerRequestMethod {
  return Object.hasOwn(SERVER_REQUESTS, method);
}

/** The registry entry of a server request method. */
export function getServerRequestDefinition(method: string): RequestDefinition | undefined {
  return isServerRequestMethod(method) ? (SERVER_REQUESTS[method] as RequestDefinition) : undefined;
}

export function isClientRequestMethod(method: string): method is ClientRequestMethod {
  return Object.hasOwn(CLIENT_REQUESTS, method);
}

export function isServerNotificationMethod(method: string): method is ServerNotificationMethod {
  return Object.hasOwn(SERVER_NOTIFICATIONS, method);
}

export function isClientNotificationMethod(method: string): method is ClientNotificationMethod {
  return Object.hasOwn(CLIENT_NOTIFICATIONS, method);
}

/** The registry entry of a client request method, or undefined for a method not served here. */
export function getClientRequestDefinition(method: string): RequestDefinition | undefined {
  return isClientRequestMethod(method) ? (CLIENT_REQUESTS[method] as RequestDefinition) : undefined;
}

/** The registry entry of a server notification method. */
export function getServerNotificationDefinition(method: string): NotificationDefinition | undefined {
  return isServerNotificationMethod(method) ? (SERVER_NOTIFICATIONS[method] as NotificationDefinition) : undefined;
}

/** The registry entry of a client notification method. */
export function getClientNotificationDefinition(method: string): NotificationDefinition | undefined {
  return isClientNotificationMethod(method) ? (CLIENT_NOTIFICATIONS[method] as NotificationDefinition) : undefined;
}

/** A client request whose params passed validation. */
export type DecodedClientRequest = {
  [M in ClientRequestMethod]: {
    id: RequestId;
    method: M;
    params: ClientRequestParams<M>;
    trace?: W3cTraceContext | null;
  };
}[ClientRequestMethod];

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: JSONRPCErrorError };

function formatPath(path: readonly PropertyKey[]): string {
  let out = "params";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `.${String(part)}`;
  return out;
}

/** One line describing why params failed validation, naming each offending field. */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (isUnprefixed(issue) ? issue.message : `${formatPath(issue.path)}: ${issue.message}`))
    .join("; ");
}

/** Issues whose message stands alone, as upstream words them without the offending field. */
function isUnprefixed(issue: z.core.$ZodIssue): boolean {
  return issue.code === "custom" && (issue.params as { unprefixed?: unknown } | undefined)?.unprefixed === true;
}

/**
 * Validates a request against the registry. Unknown methods and invalid params give the -32600
 * `Invalid request: …` error the upstream server sends. Experimental gating is separate
 * (`experimentalReason`), because a server checks initialisation in between.
 */
export function decodeClientRequest(request: JSONRPCRequest): DecodeResult<DecodedClientRequest> {
  const definition = getClientRequestDefinition(request.method);
  if (!definition) return { ok: false, error: invalidRequestError(`unknown method \`${request.method}\``) };
  const parsed = definition.params.safeParse(request.params);
  if (!parsed.success) return { ok: false, error: invalidRequestError(describeValidationError(parsed.error)) };
  const value = { id: request.id, method: request.method, params: parsed.data } as DecodedClientRequest;
  if (request.trace !== undefined) value.trace = request.trace;
  return { ok: true, value };
}

function decodeNotification<T>(
  notification: JSONRPCNotification,
  definition: NotificationDefinition | undefined,
): DecodeResult<T> {
  if (!definition) return { ok: false, error: invalidRequestError(`unknown method \`${notification.method}\``) };
  const parsed = definition.params.safeParse(notification.params);
  if (!parsed.success) return { ok: false, error: invalidRequestError(describeValidationError(parsed.error)) };
  const value = parsed.data === undefined ? { method: notification.method } : { method: notification.method, params: parsed.data };
  return { ok: true, value: value as T };
}

/** Validates a notification sent by a client (`initialized`). */
export function decodeClientNotification(notification: JSONRPCNotification): DecodeResult<ClientNotification> {
  return decodeNotification(notification, getClientNotificationDefinition(notification.method));
}

/** Validates a notification sent by a server; for clients. */
export function decodeServerNotification(notification: JSONRPCNotification): DecodeResult<ServerNotification> {
  return decodeNotification(notification, getServerNotificationDefinition(notification.method));
}

/** Validates a request sent by a server; for clients. */
export function decodeServerRequest(request: JSONRPCRequest): DecodeResult<ServerRequest> {
  const definition = getServerRequestDefinition(request.method);
  if (!definition) return { ok: false, error: invalidRequestError(`unknown method \`${request.method}\``) };
  const parsed = definition.params.safeParse(request.params);
  if (!parsed.success) return { ok: false, error: invalidRequestError(describeValidationError(parsed.error)) };
  return { ok: true, value: { id: request.id, method: request.method, params: parsed.data } as ServerRequest };
}

/**
 * Validates the result a client answered a server request with (an approval decision, ...). The error
 * names the offending field, as for params.
 */
export function decodeServerRequestResult<M extends ServerRequestMethod>(
  method: M,
  result: unknown,
): DecodeResult<ServerRequestResult<M>> {
  const parsed = (SERVER_REQUESTS[method] as RequestDefinition).result.safeParse(result);
  if (!parsed.success) {
    return { ok: false, error: invalidRequestError(describeValidationError(parsed.error).replaceAll("params", "result")) };
  }
  return { ok: true, value: parsed.data as ServerRequestResult<M> };
}
