// Checking the `Authorization: Bearer <token>` header of a WebSocket upgrade, before any JSON-RPC. Failures
// carry the reason sent with the 401 response (the upstream texts).
import { timingSafeEqual } from "node:crypto";
import { sha256, type WebsocketAuth } from "./websocket-auth-config.js";

export type AuthorizeResult = { ok: true } | { ok: false; reason: string };

function bearerToken(header: string | undefined): { token: string } | { reason: string } {
  if (header === undefined) return { reason: "missing websocket bearer token" };
  const match = /^\s*bearer\s+(\S(?:.*\S)?)\s*$/i.exec(header);
  if (!match) return { reason: "invalid authorization header" };
  return { token: match[1] as string };
}

type JoseModule = typeof import("jose");
let jose: Promise<JoseModule> | undefined;

/** Loads jose ahead of the first signed token (the listener calls it at startup in signed mode). */
export function preloadJose(): Promise<JoseModule> {
  jose ??= import("jose");
  return jose;
}

async function verifySigned(auth: Extract<WebsocketAuth, { mode: "signed-bearer-token" }>, token: string): Promise<AuthorizeResult> {
  const { jwtVerify, errors } = await preloadJose();
  try {
    await jwtVerify(token, auth.secret, {
      algorithms: ["HS256"],
      clockTolerance: auth.maxClockSkewSeconds,
      requiredClaims: ["exp"],
      ...(auth.issuer !== undefined ? { issuer: auth.issuer } : {}),
      ...(auth.audience !== undefined ? { audience: auth.audience } : {}),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired websocket jwt" };
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === "nbf" && error.reason === "check_failed") return { ok: false, reason: "websocket jwt is not valid yet" };
      if (error.claim === "iss") return { ok: false, reason: "websocket jwt issuer mismatch" };
      if (error.claim === "aud") return { ok: false, reason: "websocket jwt audience mismatch" };
    }
    return { ok: false, reason: "invalid websocket jwt" };
  }
}

/** Decides whether an upgrade request with this `Authorization` header may proceed. */
export async function authorizeUpgrade(auth: WebsocketAuth, header: string | undefined): Promise<AuthorizeResult> {
  const bearer = bearerToken(header);
  if ("reason" in bearer) return { ok: false, reason: bearer.reason };
  if (auth.mode === "capability-token") {
    const presented = sha256(bearer.token);
    return timingSafeEqual(presented, auth.tokenSha256) ? { ok: true } : { ok: false, reason: "invalid websocket bearer token" };
  }
  return verifySigned(auth, bearer.token);
}
