import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadNetworkProxyTable, parseCliArgs } from "./cli.js";

describe("parseCliArgs", () => {
  it("reads every flag", () => {
    expect(parseCliArgs(["--config", "c.toml", "--http", "127.0.0.1:0", "--admin", "127.0.0.1:1", "--socks", "127.0.0.1:2", "--unix", "/tmp/p.sock", "--quiet"])).toEqual({
      config: "c.toml",
      http: "127.0.0.1:0",
      admin: "127.0.0.1:1",
      socks: "127.0.0.1:2",
      unix: "/tmp/p.sock",
      quiet: true,
      help: false,
    });
  });

  it("rejects unknown flags and positionals with the usage line", () => {
    expect(() => parseCliArgs(["--bogus"])).toThrow(/usage: codex-network-proxy/);
    expect(() => parseCliArgs(["extra"])).toThrow(/usage: codex-network-proxy/);
  });
});

describe("loadNetworkProxyTable", () => {
  const dir = mkdtempSync(join(tmpdir(), "np-cli-"));

  it("returns the [network_proxy] table", async () => {
    const file = join(dir, "a.toml");
    writeFileSync(file, 'model = "x"\n[network_proxy]\nmode = "limited"\nallowed_domains = ["example.com"]\n');
    expect(await loadNetworkProxyTable(file)).toEqual({ mode: "limited", allowed_domains: ["example.com"] });
  });

  it("returns an empty table when the file has none", async () => {
    const file = join(dir, "b.toml");
    writeFileSync(file, 'model = "x"\n');
    expect(await loadNetworkProxyTable(file)).toEqual({});
  });

  it("reports unreadable and invalid files as typed errors", async () => {
    await expect(loadNetworkProxyTable(join(dir, "missing.toml"))).rejects.toMatchObject({ code: "CONFIG_FILE_UNREADABLE" });
    const bad = join(dir, "c.toml");
    writeFileSync(bad, "[network_proxy\n");
    await expect(loadNetworkProxyTable(bad)).rejects.toMatchObject({ code: "INVALID_NETWORK_PROXY_CONFIG" });
    const notTable = join(dir, "d.toml");
    writeFileSync(notTable, "network_proxy = 3\n");
    await expect(loadNetworkProxyTable(notTable)).rejects.toThrow(/must be a table/);
  });
});
