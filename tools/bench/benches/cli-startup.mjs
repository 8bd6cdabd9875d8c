// `codex --version` cold start: wall time and peak RSS per run, ours vs CODEX_REFERENCE_BIN when set.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { codexBin, measureProcess, referenceBin } from "../lib/process.mjs";
import { report, reportRatio } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const home = mkdtempSync(path.join(tmpdir(), "codex-bench-home-"));
const env = { PATH: process.env.PATH, HOME: home, CODEX_HOME: home };

function sample(argv) {
  measureProcess(argv, { env }); // warm the page cache
  const times = [];
  const rss = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = measureProcess(argv, { env });
    times.push(run.ms);
    rss.push(run.maxRssKb / 1024);
  }
  return { times, rss };
}

const ours = sample([process.execPath, codexBin, "--version"]);
const oursTime = report("codex --version wall", ours.times, "ms");
const oursRss = report("codex --version peak RSS", ours.rss, "MiB");

const reference = referenceBin();
if (reference) {
  const ref = sample([reference, "--version"]);
  const refTime = report("reference --version wall", ref.times, "ms");
  const refRss = report("reference --version peak RSS", ref.rss, "MiB");
  reportRatio("--version wall", oursTime.median, refTime.median);
  reportRatio("--version peak RSS", oursRss.median, refRss.median);
}
