// `codex app-server` over stdio: wall time from process start to the `initialize` response, and peak RSS
// of a run that initializes and exits at end of stdin. Ours vs CODEX_REFERENCE_BIN when set.
// APP_SERVER_BENCH_ARGV (a JSON array) replaces our command line, e.g. to measure a development entry.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { codexBin, referenceBin } from "../lib/process.mjs";
import { report, reportRatio } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const RESPONSE_DEADLINE_MS = 30_000;
const INITIALIZE = `${JSON.stringify({ id: 0, method: "initialize", params: { clientInfo: { name: "bench", version: "1.0.0" } } })}\n`;

const home = mkdtempSync(path.join(tmpdir(), "codex-bench-app-server-"));
const env = { PATH: process.env.PATH, HOME: home, CODEX_HOME: home };

const oursArgv = process.env.APP_SERVER_BENCH_ARGV ? JSON.parse(process.env.APP_SERVER_BENCH_ARGV) : [process.execPath, codexBin, "app-server"];

/** Spawns the server, sends `initialize` at once, and resolves with ms until the response line arrives. */
function roundTrip(argv) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let elapsed;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${argv.join(" ")}: no initialize response within ${RESPONSE_DEADLINE_MS} ms: ${err.slice(-500)}`));
    }, RESPONSE_DEADLINE_MS);
    child.stderr.setEncoding("utf8").on("data", (chunk) => (err += chunk));
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      if (elapsed === undefined && out.includes("\n")) {
        elapsed = performance.now() - start;
        if (!out.startsWith('{"id":0,"result"')) reject(new Error(`unexpected answer: ${out.slice(0, 300)}`));
        child.stdin.end();
      }
    });
    child.once("error", reject);
    child.once("exit", () => {
      clearTimeout(timer);
      if (elapsed === undefined) reject(new Error(`${argv.join(" ")} exited without answering: ${err.slice(-500)}`));
      else resolve(elapsed);
    });
    child.stdin.write(INITIALIZE);
  });
}

// Python parent so getrusage(RUSAGE_CHILDREN) sees only the server: write initialize, read the answer,
// close stdin, wait for the exit.
const MEASURE_RSS = `
import json, resource, subprocess, sys
argv, line = json.loads(sys.argv[1]), sys.argv[2].encode()
proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
proc.stdin.write(line)
proc.stdin.flush()
answer = proc.stdout.readline()
proc.stdin.close()
proc.stdout.read()
status = proc.wait()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"maxRssKb": usage.ru_maxrss, "status": status, "answered": answer.startswith(b'{"id":0,"result"')}))
`;

/** Peak RSS (MiB) of one run that initializes and exits at end of stdin. */
function peakRss(argv) {
  const result = spawnSync("python3", ["-c", MEASURE_RSS, JSON.stringify(argv), INITIALIZE], { encoding: "utf8", env, timeout: RESPONSE_DEADLINE_MS });
  if (result.status !== 0) throw new Error(`peak RSS measurement failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout);
  if (!parsed.answered) throw new Error(`${argv.join(" ")} did not answer initialize (exit ${parsed.status})`);
  return parsed.maxRssKb / 1024;
}

async function sample(argv) {
  await roundTrip(argv); // warm the page cache
  const times = [];
  const rss = [];
  for (let i = 0; i < RUNS; i += 1) {
    times.push(await roundTrip(argv));
    rss.push(peakRss(argv));
  }
  return { times, rss };
}

const ours = await sample(oursArgv);
const oursTime = report("app-server initialize round trip from start", ours.times, "ms");
const oursRss = report("app-server initialize peak RSS", ours.rss, "MiB");

const reference = referenceBin();
if (reference) {
  const ref = await sample([reference, "app-server"]);
  const refTime = report("reference initialize round trip from start", ref.times, "ms");
  const refRss = report("reference initialize peak RSS", ref.rss, "MiB");
  reportRatio("initialize round trip", oursTime.median, refTime.median);
  reportRatio("initialize peak RSS", oursRss.median, refRss.median);
}
