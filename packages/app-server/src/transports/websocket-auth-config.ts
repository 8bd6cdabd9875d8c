// `--ws-auth` and its companion flags: validation (with the upstream messages) and loading of the token or
// shared secret. Only the SHA-256 of a capability token is kept in memory.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export type WebsocketAuthMode = "capability-token" | "signed-bearer-token";

/** Default tolerance for `exp` and `nbf` of signed bearer tokens. */
export const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 30;
/** Minimum length of the shared secret for signed bearer tokens. */
export const MIN_SHARED_SECRET_BYTES = 32;

export type WebsocketAuth =
  | { mode: "capability-token"; tokenSha256: Buffer }
  | {
      mode: "signed-bearer-token";
      secret: Uint8Array;
      issuer?: string;
      audience?: string;
      maxClockSkewSeconds: number;
    };

/** The flags as given on the command line. */
export interface WebsocketAuthFlags {
  wsAuth?: WebsocketAuthMode;
  wsTokenFile?: string;
  wsTokenSha256?: string;
  wsSharedSecretFile?: string;
  wsIssuer?: string;
  wsAudience?: string;
  wsMaxClockSkewSeconds?: number;
}

/** A problem with the auth flags or the files they name; the message is the one line to show. */
export class WebsocketAuthConfigError extends Error {
  readonly code = "WEBSOCKET_AUTH_CONFIG";

  constructor(message: string) {
    super(message);
    this.name = "WebsocketAuthConfigError";
  }
}

async function readSecret(file: string, cwd: string): Promise<{ absolute: string; value: string }> {
  const absolute = path.resolve(cwd, file);
  let raw: string;
  try {
    raw = await readFile(absolute, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "No such file or directory" : (error as Error).message;
    throw new WebsocketAuthConfigError(`failed to read websocket auth secret ${absolute}: ${reason}`);
  }
  const value = raw.trim();
  if (value === "") throw new WebsocketAuthConfigError(`websocket auth secret ${absolute} must not be empty`);
  return { absolute, value };
}

export function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * Checks the flag combination and loads the token or secret. Resolves to undefined when `--ws-auth` is not
 * set (and no other auth flag is); relative paths resolve against `cwd`.
 */
export async function resolveWebsocketAuth(flags: WebsocketAuthFlags, cwd: string): Promise<WebsocketAuth | undefined> {
  const tokenFlags = flags.wsTokenFile !== undefined || flags.wsTokenSha256 !== undefined;
  const signedFlags =
    flags.wsSharedSecretFile !== undefined ||
    flags.wsIssuer !== undefined ||
    flags.wsAudience !== undefined ||
    flags.wsMaxClockSkewSeconds !== undefined;
  if (flags.wsAuth === undefined) {
    if (tokenFlags || signedFlags) {
      throw new WebsocketAuthConfigError("websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`");
    }
    return undefined;
  }
  if (flags.wsAuth === "capability-token") {
    if (signedFlags) {
      throw new WebsocketAuthConfigError(
        "`--ws-shared-secret-file`, `--ws-issuer`, `--ws-audience`, and `--ws-max-clock-skew-seconds` require `--ws-auth signed-bearer-token`",
      );
    }
    if (flags.wsTokenFile !== undefined && flags.wsTokenSha256 !== undefined) {
      throw new WebsocketAuthConfigError("`--ws-token-file` and `--ws-token-sha256` are mutually exclusive");
    }
    if (flags.wsTokenSha256 !== undefined) {
      if (!/^[0-9a-fA-F]{64}$/.test(flags.wsTokenSha256)) {
        throw new WebsocketAuthConfigError("--ws-token-sha256 must be a 64-character hex SHA-256 digest");
      }
      return { mode: "capability-token", tokenSha256: Buffer.from(flags.wsTokenSha256, "hex") };
    }
    if (flags.wsTokenFile === undefined) {
      throw new WebsocketAuthConfigError("`--ws-token-file` or `--ws-token-sha256` is required when `--ws-auth capability-token` is set");
    }
    const { value } = await readSecret(flags.wsTokenFile, cwd);
    return { mode: "capability-token", tokenSha256: sha256(value) };
  }
  if (tokenFlags) {
    throw new WebsocketAuthConfigError("`--ws-token-file` and `--ws-token-sha256` require `--ws-auth capability-token`, not `signed-bearer-token`");
  }
  if (flags.wsSharedSecretFile === undefined) {
    throw new WebsocketAuthConfigError("`--ws-shared-secret-file` is required when `--ws-auth signed-bearer-token` is set");
  }
  const skew = flags.wsMaxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS;
  if (!Number.isInteger(skew) || skew < 0) {
    throw new WebsocketAuthConfigError("--ws-max-clock-skew-seconds must be a non-negative integer");
  }
  const { absolute, value } = await readSecret(flags.wsSharedSecretFile, cwd);
  const secret = new TextEncoder().encode(value);
  if (secret.byteLength < MIN_SHARED_SECRET_BYTES) {
    throw new WebsocketAuthConfigError(`signed websocket bearer secret ${absolute} must be at least ${MIN_SHARED_SECRET_BYTES} bytes`);
  }
  return {
    mode: "signed-bearer-token",
    secret,
    maxClockSkewSeconds: skew,
    ...(flags.wsIssuer !== undefined ? { issuer: flags.wsIssuer } : {}),
    ...(flags.wsAudience !== undefined ? { audience: flags.wsAudience } : {}),
  };
}
