import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codexBin, makeCodexEnv } from "./run-codex.js";

interface SandboxRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `codex ARGS` with stdin fed from `input`; fails after a deadline instead of hanging. */
function codex(args: string[], options: { env: NodeJS.ProcessEnv; cwd: string; input?: string }): Promise<SandboxRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codexBin, ...args], { cwd: options.cwd, env: options.env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.stdin.end(options.input ?? "");
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`codex ${args.join(" ")} did not exit in time\n${stdout}\n${stderr}`));
    }, 20_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Host processes running exactly `argv`. */
function processesRunning(argv: readonly string[]): string[] {
  return fs.readdirSync("/proc").filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").slice(0, -1);
      return args.length === argv.length && args.every((arg, index) => arg === argv[index]);
    } catch {
      return false;
    }
  });
}

let env: NodeJS.ProcessEnv;
let root: string;
let project: string;
let outside: string;
let server: http.Server;
let port: number;
const noTmp = ["-c", "sandbox_workspace_write.exclude_slash_tmp=true"];

beforeAll(async () => {
  ({ env, root } = await makeCodexEnv());
  project = path.join(root, "project");
  outside = path.join(root, "outside");
  fs.mkdirSync(path.join(project, ".git"), { recursive: true });
  fs.writeFileSync(path.join(project, ".git", "config"), "[core]\n");
  fs.writeFileSync(path.join(project, "README"), "project readme\n");
  fs.mkdirSync(outside);
  server = http.createServer((_request, response) => response.end("host"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

const connectScript = () =>
  `require("node:net").connect(${port}, "127.0.0.1").on("connect", () => { console.log("connected"); process.exit(0); }).on("error", (e) => { console.log(e.code); process.exit(0); })`;

describe.runIf(process.platform === "linux")("codex sandbox linux", { timeout: 30_000 }, () => {
  it("runs the command read-only with the terminal's stdio and exits with its code", async () => {
    const run = await codex(
      ["sandbox", "linux", "--", "/bin/sh", "-c", "cat README; read line; echo \"in: $line\"; (touch new) 2>/dev/null || echo denied; exit 7"],
      { env, cwd: project, input: "typed\n" },
    );
    expect(run).toEqual({ code: 7, stdout: "project readme\nin: typed\ndenied\n", stderr: "" });
    expect(fs.existsSync(path.join(project, "new"))).toBe(false);
  });

  it("lets --full-auto write the working directory but not .git, .codex or anything outside", async () => {
    const script = [
      "echo made > made.txt && echo wrote",
      "(echo x >> .git/config) 2>/dev/null || echo git-denied",
      "(mkdir .codex) 2>/dev/null || echo codex-denied",
      `(touch ${outside}/x) 2>/dev/null || echo outside-denied`,
    ].join("; ");
    const run = await codex(["sandbox", "linux", "--full-auto", ...noTmp, "--", "/bin/sh", "-c", script], { env, cwd: project });
    expect(run).toEqual({ code: 0, stdout: "wrote\ngit-denied\ncodex-denied\noutside-denied\n", stderr: "" });
    expect(fs.readFileSync(path.join(project, "made.txt"), "utf8")).toBe("made\n");
    expect(fs.readFileSync(path.join(project, ".git", "config"), "utf8")).toBe("[core]\n");
    expect(fs.existsSync(path.join(project, ".codex"))).toBe(false);
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it("keeps the network off unless config allows it", async () => {
    const denied = await codex(["sandbox", "linux", "--full-auto", "--", process.execPath, "-e", connectScript()], {
      env,
      cwd: project,
    });
    expect(denied).toMatchObject({ code: 0, stdout: "ECONNREFUSED\n" });
    const allowed = await codex(
      ["sandbox", "linux", "--full-auto", "-c", "sandbox_workspace_write.network_access=true", "--", process.execPath, "-e", connectScript()],
      { env, cwd: project },
    );
    expect(allowed).toMatchObject({ code: 0, stdout: "connected\n" });
  });

  it("leaves no process of the sandbox behind", async () => {
    const duration = `${87_000 + (process.pid % 400)}.5`;
    const script = `sleep ${duration} & pid=$!; until grep -q '^sleep' /proc/$pid/cmdline 2>/dev/null; do :; done; echo started`;
    const run = await codex(["sandbox", "linux", "--", "/bin/sh", "-c", script], { env, cwd: project });
    expect(run).toMatchObject({ code: 0, stdout: "started\n" });
    expect(processesRunning(["sleep", duration])).toEqual([]);
  });

  it("refuses the macOS sandbox on Linux with one clear line", async () => {
    const run = await codex(["sandbox", "macos", "--", "true"], { env, cwd: project });
    expect(run).toEqual({ code: 1, stdout: "", stderr: "Error: `codex sandbox macos` only runs on macOS; this is linux.\n" });
  });
});
