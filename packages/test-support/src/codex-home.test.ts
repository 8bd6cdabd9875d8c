import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { configForMock, tempCodexHome } from "./codex-home.js";

describe("tempCodexHome", () => {
  it("creates a directory with an optional config.toml and removes it on cleanup", async () => {
    const home = await tempCodexHome({ config: 'model = "x"\n' });
    expect(isAbsolute(home.path)).toBe(true);
    expect(readFileSync(join(home.path, "config.toml"), "utf8")).toBe('model = "x"\n');
    await home.writeConfig('model = "y"\n');
    expect(readFileSync(join(home.path, "config.toml"), "utf8")).toBe('model = "y"\n');
    await home.cleanup();
    expect(existsSync(home.path)).toBe(false);
    await home.cleanup();
  });

  it("gives each call its own directory", async () => {
    const [a, b] = await Promise.all([tempCodexHome(), tempCodexHome()]);
    expect(a.path).not.toBe(b.path);
    await Promise.all([a.cleanup(), b.cleanup()]);
  });
});

describe("configForMock", () => {
  it("points model_provider at the mock base url", () => {
    expect(configForMock("http://127.0.0.1:1234/v1")).toBe(
      [
        'model = "mock-model"',
        'model_provider = "mock"',
        "",
        "[model_providers.mock]",
        'name = "mock"',
        'base_url = "http://127.0.0.1:1234/v1"',
        'wire_api = "responses"',
        'env_key = "OPENAI_API_KEY"',
        "",
      ].join("\n"),
    );
  });

  it("applies overrides and retry settings", () => {
    const toml = configForMock("http://h/v1", {
      providerId: "local",
      model: "gpt-test",
      envKey: "MOCK_KEY",
      requestMaxRetries: 0,
      streamMaxRetries: 1,
      streamIdleTimeoutMs: 2000,
    });
    expect(toml).toContain('model_provider = "local"\n');
    expect(toml).toContain("[model_providers.local]\n");
    expect(toml).toContain('model = "gpt-test"\n');
    expect(toml).toContain('env_key = "MOCK_KEY"\n');
    expect(toml).toContain("request_max_retries = 0\nstream_max_retries = 1\nstream_idle_timeout_ms = 2000\n");
  });

  it("rejects a provider id TOML cannot hold as a bare key", () => {
    expect(() => configForMock("http://h/v1", { providerId: "a b" })).toThrow(/must match/);
  });
});
