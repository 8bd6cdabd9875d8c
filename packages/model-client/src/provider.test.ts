import { describe, expect, it } from "vitest";
import {
  MissingEnvVarError,
  UnknownProviderError,
  UnsupportedWireApiError,
  providerApiKey,
  providerHeaders,
  providerUrl,
  resolveProvider,
} from "./index.js";

describe("resolveProvider", () => {
  it("defaults to openai, honouring OPENAI_BASE_URL", () => {
    expect(resolveProvider({}, {}).baseUrl).toBe("https://api.openai.com/v1");
    const p = resolveProvider({}, { OPENAI_BASE_URL: "http://proxy.local/v1" });
    expect(p.baseUrl).toBe("http://proxy.local/v1");
    expect(p.envKey).toBe("OPENAI_API_KEY");
    expect(p.requestMaxRetries).toBe(4);
    expect(p.streamMaxRetries).toBe(5);
    expect(p.streamIdleTimeoutMs).toBe(300_000);
  });

  it("knows ollama and lmstudio", () => {
    expect(resolveProvider({ model_provider: "ollama" }, {}).baseUrl).toBe("http://localhost:11434/v1");
    expect(resolveProvider({ model_provider: "lmstudio" }, {}).baseUrl).toBe("http://localhost:1234/v1");
    expect(providerApiKey(resolveProvider({ model_provider: "ollama" }, {}), {})).toBeUndefined();
  });

  it("reads [model_providers] with query params and headers", () => {
    const p = resolveProvider(
      {
        model_provider: "azure",
        model_providers: {
          azure: {
            name: "Azure",
            base_url: "https://x.openai.azure.com/openai/",
            env_key: "AZURE_KEY",
            query_params: { "api-version": "2025-04-01-preview" },
            http_headers: { "x-static": "1" },
            env_http_headers: { "x-from-env": "X_VALUE", "x-unset": "NOT_SET" },
            request_max_retries: 1,
          },
        },
      },
      {},
    );
    expect(providerUrl(p, "responses").toString()).toBe(
      "https://x.openai.azure.com/openai/responses?api-version=2025-04-01-preview",
    );
    expect(providerHeaders(p, { X_VALUE: "v" })).toEqual({ "x-static": "1", "x-from-env": "v" });
    expect(p.requestMaxRetries).toBe(1);
    expect(() => providerApiKey(p, {})).toThrow(MissingEnvVarError);
    expect(providerApiKey(p, { AZURE_KEY: "k" })).toBe("k");
  });

  it("rejects an unknown provider id", () => {
    expect(() => resolveProvider({ model_provider: "nope" }, {})).toThrow(UnknownProviderError);
  });

  it("names the variable and instructions when the key is missing", () => {
    const error = (() => {
      try {
        providerApiKey(resolveProvider({}, {}), {});
      } catch (e) {
        return e as MissingEnvVarError;
      }
    })();
    expect(error?.code).toBe("MISSING_ENV_VAR");
    expect(error?.message).toMatch(/^Missing environment variable: `OPENAI_API_KEY`\. /);
  });
});

describe("wire_api and local provider overrides", () => {
  it("accepts wire_api = chat and defaults to responses", () => {
    const chat = resolveProvider(
      { model_provider: "local", model_providers: { local: { name: "Local", base_url: "http://h/v1", wire_api: "chat" } } },
      {},
    );
    expect(chat.wireApi).toBe("chat");
    expect(providerUrl(chat, "chat/completions").toString()).toBe("http://h/v1/chat/completions");
    expect(resolveProvider({}, {}).wireApi).toBe("responses");
  });

  it("rejects other wire APIs", () => {
    const config = {
      model_provider: "x",
      model_providers: { x: { name: "X", wire_api: "grpc" as unknown as "chat" } },
    };
    expect(() => resolveProvider(config, {})).toThrow(UnsupportedWireApiError);
  });

  it("moves ollama and lmstudio with CODEX_OSS_BASE_URL / CODEX_OSS_PORT", () => {
    expect(resolveProvider({ model_provider: "ollama" }, { CODEX_OSS_PORT: "9999" }).baseUrl).toBe(
      "http://localhost:9999/v1",
    );
    expect(resolveProvider({ model_provider: "ollama" }, { CODEX_OSS_PORT: "nope" }).baseUrl).toBe(
      "http://localhost:11434/v1",
    );
    const env = { CODEX_OSS_BASE_URL: "http://box:1/v1", CODEX_OSS_PORT: "9999" };
    expect(resolveProvider({ model_provider: "lmstudio" }, env).baseUrl).toBe("http://box:1/v1");
    expect(resolveProvider({ model_provider: "ollama" }, env).wireApi).toBe("responses");
  });
});
