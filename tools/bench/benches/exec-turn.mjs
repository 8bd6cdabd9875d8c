// One `codex exec --json` turn against the instant mock model: the model asks for `exec_command` `echo hi`,
// then answers. Wall time and peak RSS per run, ours vs CODEX_REFERENCE_BIN when set (default sandbox).
import { codexBin, measureProcessAsync, referenceBin } from "../lib/process.mjs";
import { commandOf, functionCall, message, mockScratch, startMockResponsesServer, turn } from "../lib/mock-model.mjs";
import { report, reportRatio } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const server = await startMockResponsesServer();

/** Runs one turn and checks that the command ran and its output went back to the model. */
async function oneTurn(command, scratch) {
  const before = server.responsesRequests.length;
  server.enqueue(turn([functionCall("exec_command", { cmd: "echo hi" })]), turn([message("done")]));
  const argv = [...command, "exec", "--json", "--skip-git-repo-check", "-C", scratch.work, "run echo hi"];
  const run = await measureProcessAsync(argv, { env: scratch.env });
  const followUp = JSON.stringify(server.responsesRequests[before + 1]?.body ?? null);
  if (server.pending !== 0 || !followUp.includes("function_call_output") || !/Output:\\nhi\\n/.test(followUp)) {
    throw new Error(`${argv.join(" ")}: the turn did not run echo hi as expected\n${run.stdout}\n${run.stderr}`);
  }
  if (!run.stdout.includes('"turn.completed"')) throw new Error(`${argv.join(" ")}: no turn.completed\n${run.stdout}`);
  return run;
}

async function sample(name, bin) {
  const scratch = mockScratch(server.url, `exec-turn-${name}`);
  try {
    const command = commandOf(bin);
    await oneTurn(command, scratch); // warm the page cache
    const times = [];
    const rss = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await oneTurn(command, scratch);
      times.push(run.ms);
      rss.push(run.maxRssKb / 1024);
    }
    return {
      time: report(`${name} exec turn wall`, times, "ms"),
      rss: report(`${name} exec turn peak RSS`, rss, "MiB"),
    };
  } finally {
    scratch.cleanup();
  }
}

try {
  const ours = await sample("ours", codexBin);
  const reference = referenceBin();
  if (reference) {
    const ref = await sample("reference", reference);
    reportRatio("exec turn wall (target <= 0.70)", ours.time.median, ref.time.median);
    reportRatio("exec turn wall p90", ours.time.p90, ref.time.p90);
    reportRatio("exec turn peak RSS (target <= 0.80)", ours.rss.median, ref.rss.median);
  }
} finally {
  await server.close();
}
