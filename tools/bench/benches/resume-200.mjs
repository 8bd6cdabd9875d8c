// Resuming a 200-turn thread (each turn: task_started, user message, exec_command call and output, assistant message,
// token_count, task_complete) written with packages/rollout's RolloutRecorder: in process with core's ThreadManager, and end
// to end `codex exec resume <id> "next"` against the mock model (ours vs CODEX_REFERENCE_BIN when set).
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RolloutRecorder } from "../../../packages/rollout/dist/index.js";
import { commandOf, message, mockScratch, startMockResponsesServer, turn } from "../lib/mock-model.mjs";
import { codexBin, measureProcessAsync, referenceBin } from "../lib/process.mjs";
import { report, reportRatio } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TURNS = 200;
const inProcessScript = fileURLToPath(new URL("../lib/resume-in-process.mjs", import.meta.url));

/** Writes the synthetic rollout into `home` and returns its path and thread id. */
async function writeRollout(home, cwd) {
  const recorder = await RolloutRecorder.create({
    codexHome: home,
    cwd,
    originator: "codex_exec",
    cliVersion: "0.1.0",
    source: "exec",
    modelProvider: "mock",
  });
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 };
  for (let i = 0; i < TURNS; i += 1) {
    const question = `turn ${i}: list the files under src/module_${i} and summarise what changed`;
    const output = Array.from({ length: 12 }, (_, line) => `src/module_${i}/file_${line}.ts`).join("\n");
    const answer = `Turn ${i}: the module has 12 files; file_3.ts and file_7.ts changed since the last commit.`;
    const last = { input_tokens: 1200 + i * 40, cached_input_tokens: 1000, output_tokens: 60, reasoning_output_tokens: 20, total_tokens: 1260 + i * 40 };
    for (const key of Object.keys(total)) total[key] += last[key];
    const callId = `call_${i}`;
    const turnId = `turn_bench_${i}`;
    await recorder.record(
      { type: "event_msg", payload: { type: "task_started", turn_id: turnId, model_context_window: 272000 } },
      {
        type: "turn_context",
        payload: { cwd, approval_policy: "never", sandbox_policy: { type: "read-only" }, model: "mock-model", summary: "auto" },
      },
      { type: "event_msg", payload: { type: "user_message", message: question } },
      { type: "response_item", payload: { type: "message", role: "user", content: [{ type: "input_text", text: question }] } },
      {
        type: "response_item",
        payload: { type: "function_call", name: "exec_command", arguments: JSON.stringify({ cmd: `ls src/module_${i}` }), call_id: callId },
      },
      {
        type: "response_item",
        payload: { type: "function_call_output", call_id: callId, output: `Process exited with code 0\nOutput:\n${output}\n` },
      },
      { type: "response_item", payload: { type: "message", role: "assistant", content: [{ type: "output_text", text: answer }] } },
      { type: "event_msg", payload: { type: "agent_message", message: answer } },
      {
        type: "event_msg",
        payload: {
          type: "token_count",
          info: { total_token_usage: { ...total }, last_token_usage: last, model_context_window: 272000 },
          rate_limits: null,
        },
      },
      { type: "event_msg", payload: { type: "task_complete", turn_id: turnId, last_agent_message: answer } },
    );
  }
  await recorder.close();
  return { rolloutPath: recorder.path, threadId: recorder.threadId };
}

const server = await startMockResponsesServer();

/** A scratch CODEX_HOME holding a fresh copy of the pristine rollout, restored before every run. */
async function prepare(name) {
  const scratch = mockScratch(server.url, `resume-200-${name}`);
  const written = await writeRollout(scratch.home, scratch.work);
  const pristine = path.join(scratch.root, "pristine.jsonl");
  copyFileSync(written.rolloutPath, pristine);
  const restore = () => {
    mkdirSync(path.dirname(written.rolloutPath), { recursive: true });
    copyFileSync(pristine, written.rolloutPath);
  };
  return { ...scratch, ...written, restore };
}

async function inProcess(scratch) {
  const command = [process.execPath, inProcessScript, scratch.rolloutPath, scratch.home];
  await measureProcessAsync([...command, "--baseline"], { env: scratch.env });
  const times = [];
  const rss = [];
  const baseline = [];
  for (let i = 0; i < RUNS; i += 1) {
    scratch.restore();
    const run = await measureProcessAsync(command, { env: scratch.env });
    const result = JSON.parse(run.stdout);
    if (result.turns !== null && result.turns !== TURNS) throw new Error(`resumed ${result.turns} turns, expected ${TURNS}`);
    times.push(result.ms);
    rss.push(run.maxRssKb / 1024);
    baseline.push((await measureProcessAsync([...command, "--baseline"], { env: scratch.env })).maxRssKb / 1024);
  }
  report("ours ThreadManager.resumeThread (in process)", times, "ms");
  report("ours resume process peak RSS", rss, "MiB");
  report("ours same process without the resume (modules only) peak RSS", baseline, "MiB");
}

async function endToEnd(name, bin, scratch) {
  const argv = [...commandOf(bin), "exec", "--json", "--skip-git-repo-check", "-C", scratch.work, "resume", scratch.threadId, "next"];
  const once = async () => {
    scratch.restore();
    const before = server.responsesRequests.length;
    server.enqueue(turn([message("resumed")]));
    const run = await measureProcessAsync(argv, { env: scratch.env });
    const body = JSON.stringify(server.responsesRequests[before]?.body ?? null);
    if (server.pending !== 0 || !body.includes(`turn ${TURNS - 1}: list the files`) || !body.includes("next")) {
      throw new Error(`${argv.join(" ")}: the history was not sent\n${run.stdout}\n${run.stderr}`);
    }
    return run;
  };
  await once(); // warm the page cache
  const times = [];
  const rss = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await once();
    times.push(run.ms);
    rss.push(run.maxRssKb / 1024);
  }
  return {
    time: report(`${name} exec resume (200 turns) wall`, times, "ms"),
    rss: report(`${name} exec resume (200 turns) peak RSS`, rss, "MiB"),
  };
}

const cleanups = [];
try {
  const ours = await prepare("ours");
  cleanups.push(ours.cleanup);
  await inProcess(ours);
  const oursE2e = await endToEnd("ours", codexBin, ours);
  const reference = referenceBin();
  if (reference) {
    const ref = await prepare("reference");
    cleanups.push(ref.cleanup);
    const refE2e = await endToEnd("reference", reference, ref);
    reportRatio("exec resume wall", oursE2e.time.median, refE2e.time.median);
    reportRatio("exec resume peak RSS", oursE2e.rss.median, refE2e.rss.median);
  }
} finally {
  for (const cleanup of cleanups) cleanup();
  await server.close();
}
