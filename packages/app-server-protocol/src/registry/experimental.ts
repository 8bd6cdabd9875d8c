// Experimental gating: deciding whether a request needs the `experimentalApi` capability, and removing
// experimental fields from payloads sent to clients that did not opt in. Reads only the gating table, so
// it needs no validators.
import { CLIENT_REQUEST_GATING, gatingOf, SERVER_NOTIFICATION_GATING } from "./gating.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A field counts as used when it holds something other than null, false or an empty list. */
function isUsed(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  return !(Array.isArray(value) && value.length === 0);
}

function fieldUsed(value: unknown, segments: readonly string[]): boolean {
  if (Array.isArray(value)) return value.some((item) => fieldUsed(item, segments));
  const [head, ...rest] = segments;
  if (head === undefined) return isUsed(value);
  if (!isRecord(value)) return false;
  return fieldUsed(value[head], rest);
}

/**
 * Why a request needs the `experimentalApi` capability, or undefined when it does not: the method name
 * for an experimental method, `method.field` for a used experimental field. Use the result with
 * `experimentalApiRequiredError`.
 */
export function experimentalReason(method: string, params: unknown): string | undefined {
  const gating = gatingOf(CLIENT_REQUEST_GATING, method);
  if (gating.experimental === true) return method;
  const field = (gating.params ?? []).find((path) => fieldUsed(params, path.split(".")));
  return field === undefined ? undefined : `${method}.${field}`;
}

function without(value: unknown, segments: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => without(item, segments));
  const [head, ...rest] = segments;
  if (head === undefined || !isRecord(value) || !(head in value)) return value;
  const copy: Record<string, unknown> = { ...value };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(value[head], rest);
  return copy;
}

/** A copy of `value` without the fields at the given dotted paths; the input is not modified. */
export function stripExperimentalFields<T>(value: T, paths: readonly string[]): T {
  let out: unknown = value;
  for (const path of paths) out = without(out, path.split("."));
  return out as T;
}

/** The result of a client request without its experimental fields, for clients that did not opt in. */
export function stripExperimentalResult<T>(method: string, result: T): T {
  const paths = gatingOf(CLIENT_REQUEST_GATING, method).result;
  return paths ? stripExperimentalFields(result, paths) : result;
}

/** The params of a server notification without their experimental fields. */
export function stripExperimentalNotificationParams<T>(method: string, params: T): T {
  const paths = gatingOf(SERVER_NOTIFICATION_GATING, method).params;
  return paths ? stripExperimentalFields(params, paths) : params;
}

/** Whether a server notification is sent only to clients that opted into the experimental API. */
export function isExperimentalServerNotification(method: string): boolean {
  return gatingOf(SERVER_NOTIFICATION_GATING, method).experimental === true;
}
