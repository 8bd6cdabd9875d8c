import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { onCleanup, proxyRequest, withDeadline } from "./helpers.js";

const BIN = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

function writeConfig(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "np-bin-")), "config.toml");
  writeFileSync(file, text);
  return file;
}

interface RunningBin {
  child: ChildProcessWithoutNullStreams;
  firstLine: Promise<string>;
  /** Resolves once stderr contains `text`. */
  stderrContains(text: string): Promise<void>;
}

function startBin(args: string[]): RunningBin {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const stderrContains = (text: string): Promise<void> =>
    withDeadline(
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (!stderr.includes(text)) return;
          child.stderr.off("data", check);
          resolve();
        };
        child.stderr.on("data", check);
        check();
      }),
      `stderr line ${JSON.stringify(text)}`,
    );
  onCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  const lines = createInterface({ input: child.stdout });
  const firstLine = withDeadline(once(lines, "line").then(([line]) => String(line)), "first stdout line");
  return { child, firstLine, stderrContains };
}

function getText(url: string): Promise<string> {
  return withDeadline(
    new Promise<string>((resolve, reject) => {
      get(url, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve(body));
      }).on("error", reject);
    }),
    `GET ${url}`,
  );
}

describe("codex-network-proxy bin", () => {
  it("prints bound addresses as one JSON line and stops cleanly on SIGTERM", async () => {
    const config = writeConfig('[network_proxy]\nallowed_domains = ["example.test"]\nmode = "limited"\n');
    const unix = join(mkdtempSync(join(tmpdir(), "np-bin-")), "p.sock");
    const { child, firstLine, stderrContains } = startBin(["--config", config, "--http", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--socks", "127.0.0.1:0", "--unix", unix]);
    const bound = JSON.parse(await firstLine) as Record<string, string>;
    expect(Object.keys(bound).sort()).toEqual(["admin", "http", "socks", "unix"]);
    expect(bound["http"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bound["socks"]).toMatch(/^socks5h:\/\/127\.0\.0\.1:\d+$/);
    expect(bound["unix"]).toBe(unix);
    expect(await getText(`${bound["admin"]}/health`)).toBe("ok");
    expect(JSON.parse(await getText(`${bound["admin"]}/config`)).network_proxy).toMatchObject({ mode: "limited", allowed_domains: ["example.test"] });

    const blocked = await proxyRequest(Number(new URL(bound["http"] ?? "").port), "http://other.test/");
    expect(blocked.status).toBe(403);
    await stderrContains("codex-network-proxy: blocked http GET other.test:80 (not_allowed)\n");

    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await withDeadline(exited, "exit after SIGTERM");
    expect(code).toBe(0);
  });

  it("reloads the config file on SIGHUP", async () => {
    const config = writeConfig('[network_proxy]\nallowed_domains = ["a.test"]\n');
    const { child, firstLine } = startBin(["--config", config, "--http", "127.0.0.1:0", "--admin", "127.0.0.1:0", "--quiet"]);
    const bound = JSON.parse(await firstLine) as Record<string, string>;
    writeFileSync(config, '[network_proxy]\nallowed_domains = ["b.test"]\n');
    child.kill("SIGHUP");
    // Poll the admin API until the new list shows (bounded by the helper's deadline).
    const patterns = await withDeadline(
      (async () => {
        for (;;) {
          const current = JSON.parse(await getText(`${bound["admin"]}/patterns`)) as { allowed: string[] };
          if (current.allowed[0] === "b.test") return current;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })(),
      "reloaded patterns",
    );
    expect(patterns.allowed).toEqual(["b.test"]);
    const exited = once(child, "exit");
    child.kill("SIGINT");
    expect((await withDeadline(exited, "exit after SIGINT"))[0]).toBe(0);
  });

  it("binds nothing when the config disables the proxy", () => {
    const config = writeConfig("[network_proxy]\nenabled = false\n");
    const result = spawnSync(process.execPath, [BIN, "--config", config], { encoding: "utf8", timeout: 10_000 });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ enabled: false });
  });

  it("fails with one sentence and exit code 2 on user errors", () => {
    const badConfig = writeConfig('[network_proxy]\nmode = "open"\n');
    for (const args of [["--config", badConfig], ["--config", "/nonexistent/config.toml"], ["--bogus"], ["--http", "127.0.0.1:notaport"]]) {
      const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 10_000 });
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.stderr).toMatch(/^codex-network-proxy: /);
      expect(result.stderr).not.toContain("    at ");
    }
  });

  it("prints usage for --help", () => {
    const result = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8", timeout: 10_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("usage: codex-network-proxy");
  });
});
