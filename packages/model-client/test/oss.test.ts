import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  OssProviderNotConfiguredError,
  OssServerUnreachableError,
  UnknownOssProviderError,
  checkOssServer,
  ossProbeUrl,
  resolveOssProvider,
} from "../src/index.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A loopback server answering `routes[path]` (status) and recording the paths it was asked for. */
async function localServer(routes: Record<string, number>) {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    seen.push(path);
    const status = routes[path] ?? 404;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(status === 200 ? { data: [], models: [] } : { error: "nope" }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { root: `http://127.0.0.1:${port}`, port, seen };
}

/** A loopback port with nothing listening: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("resolveOssProvider", () => {
  it("prefers the explicit choice, then the profile, then oss_provider", () => {
    const config = { oss_provider: "lmstudio", profile: "p", profiles: { p: { oss_provider: "ollama" } } };
    expect(resolveOssProvider({ ossProvider: "lmstudio", config, env: {} }).id).toBe("lmstudio");
    expect(resolveOssProvider({ config, env: {} }).id).toBe("ollama");
    expect(resolveOssProvider({ config, profile: "other", env: {} }).id).toBe("lmstudio");
  });

  it("returns the resolved provider and the default model", () => {
    const ollama = resolveOssProvider({ ossProvider: "ollama", env: {} });
    expect(ollama.defaultModel).toBe("gpt-oss:20b");
    expect(ollama.provider.baseUrl).toBe("http://localhost:11434/v1");
    expect(ollama.provider.wireApi).toBe("responses");
    const lmstudio = resolveOssProvider({ ossProvider: "lmstudio", env: { CODEX_OSS_PORT: "4321" } });
    expect(lmstudio.defaultModel).toBe("openai/gpt-oss-20b");
    expect(lmstudio.provider.baseUrl).toBe("http://localhost:4321/v1");
  });

  it("has no silent default and rejects unknown ids", () => {
    expect(() => resolveOssProvider({ env: {} })).toThrow(OssProviderNotConfiguredError);
    expect(() => resolveOssProvider({ env: {} })).toThrow(/--local-provider .*oss_provider in config\.toml/);
    expect(() => resolveOssProvider({ ossProvider: "vllm", env: {} })).toThrow(UnknownOssProviderError);
  });
});

describe("checkOssServer", () => {
  it("probes Ollama's OpenAI-compatible /v1/models", async () => {
    const local = await localServer({ "/v1/models": 200 });
    const { provider } = resolveOssProvider({ ossProvider: "ollama", env: { CODEX_OSS_BASE_URL: `${local.root}/v1` } });
    await checkOssServer(provider);
    expect(local.seen).toEqual(["/v1/models"]);
  });

  it("probes Ollama's native /api/tags when the base URL has no /v1", async () => {
    const local = await localServer({ "/api/tags": 200 });
    const { provider } = resolveOssProvider({ ossProvider: "ollama", env: { CODEX_OSS_BASE_URL: local.root } });
    expect(ossProbeUrl(provider)).toBe(`${local.root}/api/tags`);
    await checkOssServer(provider);
    expect(local.seen).toEqual(["/api/tags"]);
  });

  it("probes LM Studio's /v1/models", async () => {
    const local = await localServer({ "/v1/models": 200 });
    const { provider } = resolveOssProvider({ ossProvider: "lmstudio", env: { CODEX_OSS_PORT: String(local.port) } });
    expect(provider.baseUrl).toBe(`http://localhost:${local.port}/v1`);
    const loopback = { ...provider, baseUrl: `${local.root}/v1` };
    await checkOssServer(loopback);
    expect(local.seen).toEqual(["/v1/models"]);
  });

  it("explains how to start Ollama when nothing listens", async () => {
    const port = await closedPort();
    const { provider } = resolveOssProvider({
      ossProvider: "ollama",
      env: { CODEX_OSS_BASE_URL: `http://127.0.0.1:${port}/v1` },
    });
    const error = await checkOssServer(provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OssServerUnreachableError);
    expect((error as OssServerUnreachableError).code).toBe("OSS_SERVER_UNREACHABLE");
    expect((error as Error).message).toMatch(/^No running Ollama server found at http:\/\/127\.0\.0\.1:\d+\/v1\/models/);
    expect((error as Error).message).toContain("`ollama serve`");
  });

  it("explains how to start LM Studio when its server answers with an error", async () => {
    const local = await localServer({ "/v1/models": 500 });
    const { provider } = resolveOssProvider({ ossProvider: "lmstudio", env: { CODEX_OSS_BASE_URL: `${local.root}/v1` } });
    const error = await checkOssServer(provider).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OssServerUnreachableError);
    expect((error as Error).message).toContain("(HTTP 500)");
    expect((error as Error).message).toContain("`lms server start`");
  });

  it("stops when the caller aborts", async () => {
    const local = await localServer({ "/v1/models": 200 });
    const { provider } = resolveOssProvider({ ossProvider: "ollama", env: { CODEX_OSS_BASE_URL: `${local.root}/v1` } });
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(checkOssServer(provider, { signal: controller.signal })).rejects.not.toBeInstanceOf(
      OssServerUnreachableError,
    );
  });
});
