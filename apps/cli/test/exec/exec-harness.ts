// Shared setup for the `codex exec` process tests: a mock Responses server, a temp CODEX_HOME whose
// config.toml points at it, a workspace directory, and helpers to run the built binary and read what the
// mock captured.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type CapturedRequest,
  configForMock,
  type OutputItem,
  type Turn,
  turn,
  type MockConfigOptions,
  type MockResponsesServer,
  startMockResponsesServer,
} from "@codex-ts/test-support";
import { type CodexRun, codexBin, collectExit, makeCodexEnv } from "../run-codex.js";

export const API_KEY = "sk-exec-test";

export interface ExecHarness {
  server: MockResponsesServer;
  /** CODEX_HOME */
  home: string;
  /** temp root holding everything (also HOME) */
  root: string;
  /** the agent's working directory (a git repository unless `git: false`) */
  workspace: string;
  /** environment with CODEX_HOME, CODEX_SYSTEM_CONFIG_DIR, HOME and the API key */
  env: NodeJS.ProcessEnv;
  /** Runs `codex <args>` in the workspace and resolves when it exits. */
  run(args: string[], options?: RunOptions): Promise<CodexRun>;
  /** Starts `codex <args>` without waiting (for signals). */
  spawn(args: string[], options?: RunOptions): ChildProcess;
  /** Rewrites config.toml: `topToml` (top-level keys), the mock provider, then `extraToml` (tables). */
  writeConfig(extraToml?: string, mock?: MockConfigOptions, topToml?: string): Promise<void>;
  cleanup(): Promise<void>;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text piped to stdin; without it stdin is /dev/null. */
  stdin?: string;
  deadlineMs?: number;
}

/** Default retry settings keep fault tests fast: one retry of each kind. */
const FAST: MockConfigOptions = { requestMaxRetries: 1, streamMaxRetries: 1, streamIdleTimeoutMs: 10_000 };

const open = new Set<ExecHarness>();

/** Cleans up every harness still open (call from `afterAll`; tests may run concurrently). */
export async function cleanupHarnesses(): Promise<void> {
  const all = [...open];
  open.clear();
  await Promise.all(all.map((harness) => harness.cleanup()));
}

export async function execHarness(
  options: { git?: boolean; topToml?: string; extraToml?: string; mock?: MockConfigOptions } = {},
): Promise<ExecHarness> {
  const server = await startMockResponsesServer();
  const { home, root, env: baseEnv } = await makeCodexEnv();
  const workspace = path.join(root, "workspace");
  await mkdir(workspace);
  if (options.git !== false) gitInit(workspace);
  const env: NodeJS.ProcessEnv = { ...baseEnv, OPENAI_API_KEY: API_KEY };

  const spawnCodex = (args: string[], runOptions: RunOptions = {}): ChildProcess => {
    const child = spawn(process.execPath, [codexBin, ...args], {
      cwd: runOptions.cwd ?? workspace,
      env: runOptions.env ?? env,
      stdio: [runOptions.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (runOptions.stdin !== undefined) child.stdin?.end(runOptions.stdin);
    return child;
  };

  const harness: ExecHarness = {
    server,
    home,
    root,
    workspace,
    env,
    run: (args, runOptions = {}) =>
      collectExit(spawnCodex(args, runOptions), `codex ${args.join(" ")}`, runOptions.deadlineMs ?? 20_000),
    spawn: spawnCodex,
    writeConfig: (extraToml = "", mock = {}, topToml = "") =>
      writeFile(path.join(home, "config.toml"), `${topToml}${configForMock(server.url, { ...FAST, ...mock })}${extraToml}`),
    cleanup: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
  open.add(harness);
  await harness.writeConfig(options.extraToml, options.mock, options.topToml);
  return harness;
}

/**
 * A turn whose items are built when its request arrives, from that request (e.g. to answer with the
 * session id a previous tool output reported).
 */
export function turnFrom(server: MockResponsesServer, build: (request: CapturedRequest | undefined) => OutputItem[]): Turn {
  const scripted = turn([]);
  Object.defineProperty(scripted, "items", { enumerable: true, get: () => build(server.responsesRequests.at(-1)) });
  return scripted;
}

export function gitInit(dir: string): void {
  execFileSync("git", ["init", "-q", dir], { stdio: "ignore" });
}

export type JsonEvent = { type: string; [key: string]: unknown };

/** Parses `--json` stdout; every line must be one JSON object. */
export function jsonEvents(stdout: string): JsonEvent[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as JsonEvent);
}

type InputItem = { type: string; role?: string; call_id?: string; output?: unknown; content?: unknown; [key: string]: unknown };

/** The `input` array of a captured Responses request. */
export function inputOf(request: CapturedRequest | undefined): InputItem[] {
  if (!request) throw new Error("no such request was captured");
  return (request.body as { input: InputItem[] }).input;
}

/** The text of a function/custom tool output sent back for `callId`. */
export function toolOutput(request: CapturedRequest | undefined, callId: string): string {
  const item = inputOf(request).find(
    (entry) => (entry.type === "function_call_output" || entry.type === "custom_tool_call_output") && entry.call_id === callId,
  );
  if (!item) throw new Error(`no output for ${callId} in the request`);
  return typeof item.output === "string" ? item.output : JSON.stringify(item.output);
}

/** Texts of every message with `role` in the request, in order. */
export function messageTexts(request: CapturedRequest | undefined, role: string): string[] {
  return inputOf(request)
    .filter((entry) => entry.type === "message" && entry.role === role)
    .map((entry) =>
      (entry.content as Array<{ text?: string }>)
        .map((part) => part.text ?? "")
        .join(""),
    );
}

/** Every rollout JSONL file under CODEX_HOME/sessions. */
export async function rolloutFiles(home: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith(".jsonl")) found.push(full);
    }
  };
  await walk(path.join(home, "sessions"));
  return found;
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid still exists (zombies count as gone). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const status = execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim();
    return status !== "" && !status.startsWith("Z");
  } catch {
    return false;
  }
}

/** Asserts the exit code, showing the run's output when it differs. */
export function expectCode(run: CodexRun, code: number | null): void {
  if (run.code !== code) {
    throw new Error(`expected exit code ${code}, got ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
  }
}
