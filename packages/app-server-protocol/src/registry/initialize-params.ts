// A validator-free reading of the common `initialize` params, so a server can answer the handshake before
// loading zod. It accepts only params the full validator accepts unchanged; anything else (unknown
// members, `extensions`, wrong types) gets `undefined` and must go through `decodeClientRequest`, which
// also words the error.
import type { InitializeParams } from "../wire/index.js";

const CLIENT_INFO_KEYS = new Set(["name", "title", "version"]);
const BOOLEAN_CAPABILITIES = new Set([
  "experimentalApi",
  "explicitGatewayOauth",
  "mcpServerOpenaiFormElicitation",
  "requestAttestation",
  "requiredHumanApproval",
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isNullish(value: unknown): boolean {
  return value === undefined || value === null;
}

function isClientInfo(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (!CLIENT_INFO_KEYS.has(key)) return false;
  return typeof value.name === "string" && typeof value.version === "string" && (isNullish(value.title) || typeof value.title === "string");
}

function isCapabilities(value: unknown): boolean {
  if (isNullish(value)) return true;
  if (!isPlainObject(value)) return false;
  for (const [key, member] of Object.entries(value)) {
    if (BOOLEAN_CAPABILITIES.has(key)) {
      if (member !== undefined && typeof member !== "boolean") return false;
    } else if (key === "optOutNotificationMethods") {
      if (!isNullish(member) && !(Array.isArray(member) && member.every((item) => typeof item === "string"))) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * `params` as `InitializeParams` when they are plainly valid (the validator would return them as they
 * are), otherwise undefined: validate them with `decodeClientRequest` then.
 */
export function plainInitializeParams(params: unknown): InitializeParams | undefined {
  if (!isPlainObject(params)) return undefined;
  for (const key of Object.keys(params)) if (key !== "clientInfo" && key !== "capabilities") return undefined;
  if (!isClientInfo(params.clientInfo) || !isCapabilities(params.capabilities)) return undefined;
  return params as unknown as InitializeParams;
}
