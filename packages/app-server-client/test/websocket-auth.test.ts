// Bearer auth at the WebSocket upgrade: every failure mode answers 401 with the upstream reason before any
// JSON-RPC; Origin is refused even with a valid token; health endpoints need no token.
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { resolveWebsocketAuth, type WebsocketAuthFlags } from "@codex-ts/app-server";
import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { AppServerConnectError } from "../src/index.js";
import { CLIENT_INFO, startListener, tempDir, wsClient } from "./helpers.js";

const SECRET = "0123456789abcdef0123456789abcdef-shared";
const TOKEN = "capability-token-value";

async function refusal(url: string, options: Parameters<typeof wsClient>[1]): Promise<{ status: number | undefined; body: string | undefined }> {
  const error = await wsClient(url, options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppServerConnectError);
  const { status, body } = error as AppServerConnectError;
  return { status, body };
}

async function signed(claims: Record<string, unknown>, options: { alg?: string; secret?: string } = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? "HS256" }).sign(new TextEncoder().encode(options.secret ?? SECRET));
}

const now = (): number => Math.floor(Date.now() / 1000);

describe("capability-token auth", () => {
  it("accepts the token from the file and refuses everything else", async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, "token");
    await writeFile(tokenFile, `  ${TOKEN}\n`);
    const { url } = await startListener({ wsAuth: { wsAuth: "capability-token", wsTokenFile: tokenFile } });
    expect(await refusal(url, {})).toEqual({ status: 401, body: "missing websocket bearer token" });
    expect(await refusal(url, { bearerToken: "wrong" })).toEqual({ status: 401, body: "invalid websocket bearer token" });
    expect(await refusal(url, { headers: { authorization: "Basic abc" } })).toEqual({ status: 401, body: "invalid authorization header" });
    expect(await refusal(url, { headers: { authorization: "Bearer " } })).toEqual({ status: 401, body: "invalid authorization header" });
    expect(await refusal(url, { bearerToken: TOKEN, headers: { origin: "http://localhost" } })).toEqual({ status: 403, body: "" });
    const client = await wsClient(url, { headers: { authorization: `bearer ${TOKEN}` } });
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toMatchObject({ platformFamily: expect.any(String) });
  });

  it("accepts a SHA-256 verifier instead of the token file", async () => {
    const digest = createHash("sha256").update(TOKEN).digest("hex");
    const { url } = await startListener({ wsAuth: { wsAuth: "capability-token", wsTokenSha256: digest } });
    expect(await refusal(url, { bearerToken: "nope" })).toEqual({ status: 401, body: "invalid websocket bearer token" });
    const client = await wsClient(url, { bearerToken: TOKEN });
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toBeDefined();
  });
});

describe("signed-bearer-token auth", () => {
  async function signedListener(extra: WebsocketAuthFlags = {}): Promise<string> {
    const dir = await tempDir();
    const secretFile = path.join(dir, "secret");
    await writeFile(secretFile, ` ${SECRET} \n`);
    const { url } = await startListener({ wsAuth: { wsAuth: "signed-bearer-token", wsSharedSecretFile: secretFile, ...extra } });
    return url;
  }

  it("accepts a valid HS256 token and refuses each invalid one with its reason", async () => {
    const url = await signedListener({ wsIssuer: "issuer-a", wsAudience: "aud-a" });
    const claims = { exp: now() + 300, iss: "issuer-a", aud: "aud-a" };
    const cases: Array<[string, string]> = [
      [await signed({ ...claims, exp: now() - 300 }), "expired websocket jwt"],
      [await signed({ iss: "issuer-a", aud: "aud-a" }), "invalid websocket jwt"],
      [await signed({ ...claims, nbf: now() + 300 }), "websocket jwt is not valid yet"],
      [await signed({ ...claims, iss: "issuer-b" }), "websocket jwt issuer mismatch"],
      [await signed({ ...claims, aud: ["other"] }), "websocket jwt audience mismatch"],
      [await signed(claims, { alg: "HS512" }), "invalid websocket jwt"],
      [await signed(claims, { secret: "another-secret-that-is-long-enough-to-use" }), "invalid websocket jwt"],
      [new UnsecuredJWT(claims).encode(), "invalid websocket jwt"],
      ["not.a.jwt", "invalid websocket jwt"],
    ];
    for (const [token, reason] of cases) {
      expect(await refusal(url, { bearerToken: token }), reason).toEqual({ status: 401, body: reason });
    }
    expect(await refusal(url, {})).toEqual({ status: 401, body: "missing websocket bearer token" });
    expect(await refusal(url, { bearerToken: await signed(claims), headers: { origin: "null" } })).toEqual({ status: 403, body: "" });
    const client = await wsClient(url, { bearerToken: await signed({ ...claims, aud: ["x", "aud-a"] }) });
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toBeDefined();
  });

  it("tolerates clock skew within the configured bound", async () => {
    const url = await signedListener({ wsMaxClockSkewSeconds: 60 });
    const client = await wsClient(url, { bearerToken: await signed({ exp: now() - 10 }) });
    await expect(client.initialize({ clientInfo: CLIENT_INFO })).resolves.toBeDefined();
    expect(await refusal(url, { bearerToken: await signed({ exp: now() - 120 }) })).toEqual({ status: 401, body: "expired websocket jwt" });
  });
});

describe("auth flag validation", () => {
  it("rejects bad combinations and secrets with the upstream messages", async () => {
    const dir = await tempDir();
    const short = path.join(dir, "short");
    const empty = path.join(dir, "empty");
    const token = path.join(dir, "token");
    await writeFile(short, "x".repeat(31));
    await writeFile(empty, "\n");
    await writeFile(token, "tok");
    const cases: Array<[WebsocketAuthFlags, string]> = [
      [{ wsAuth: "signed-bearer-token", wsSharedSecretFile: short }, `signed websocket bearer secret ${short} must be at least 32 bytes`],
      [{ wsAuth: "capability-token", wsTokenFile: empty }, `websocket auth secret ${empty} must not be empty`],
      [{ wsAuth: "capability-token", wsTokenFile: path.join(dir, "missing") }, `failed to read websocket auth secret ${path.join(dir, "missing")}: No such file or directory`],
      [{ wsTokenFile: token }, "websocket auth flags require `--ws-auth capability-token` or `--ws-auth signed-bearer-token`"],
      [{ wsAuth: "capability-token", wsTokenFile: token, wsIssuer: "x" }, "`--ws-shared-secret-file`, `--ws-issuer`, `--ws-audience`, and `--ws-max-clock-skew-seconds` require `--ws-auth signed-bearer-token`"],
      [{ wsAuth: "signed-bearer-token", wsTokenFile: token }, "`--ws-token-file` and `--ws-token-sha256` require `--ws-auth capability-token`, not `signed-bearer-token`"],
      [{ wsAuth: "capability-token" }, "`--ws-token-file` or `--ws-token-sha256` is required when `--ws-auth capability-token` is set"],
      [{ wsAuth: "signed-bearer-token" }, "`--ws-shared-secret-file` is required when `--ws-auth signed-bearer-token` is set"],
      [{ wsAuth: "capability-token", wsTokenSha256: "abc" }, "--ws-token-sha256 must be a 64-character hex SHA-256 digest"],
      [{ wsAuth: "capability-token", wsTokenSha256: "a".repeat(64), wsTokenFile: token }, "`--ws-token-file` and `--ws-token-sha256` are mutually exclusive"],
    ];
    for (const [flags, message] of cases) {
      await expect(resolveWebsocketAuth(flags, dir), message).rejects.toMatchObject({ code: "WEBSOCKET_AUTH_CONFIG", message });
    }
    await expect(resolveWebsocketAuth({}, dir)).resolves.toBeUndefined();
    await expect(resolveWebsocketAuth({ wsAuth: "capability-token", wsTokenFile: "token" }, dir)).resolves.toMatchObject({ mode: "capability-token" });
  });

  it("serves health endpoints without a token", async () => {
    const digest = createHash("sha256").update(TOKEN).digest("hex");
    const { url } = await startListener({ wsAuth: { wsAuth: "capability-token", wsTokenSha256: digest } });
    const response = await fetch(`${url.replace("ws://", "http://")}/readyz`);
    expect(response.status).toBe(200);
  });
});
