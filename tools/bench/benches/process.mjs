// Process spawning: start-to-exit latency of `true` over pipes and over a PTY, and 100 MB through `cat`.
import { performance } from "node:perf_hooks";
import { runProcess, startProcess } from "../../../packages/process/dist/index.js";
import { report } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const THROUGHPUT_RUNS = Number(process.env.BENCH_THROUGHPUT_RUNS ?? 5);
const TOTAL_BYTES = 100 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

async function latency(options) {
  await runProcess(options); // warm up: page cache, lazy module loading
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const result = await runProcess(options);
    samples.push(performance.now() - start);
    if (result.exitCode !== 0) throw new Error(`${options.command.join(" ")} exited ${result.exitCode ?? result.signal}`);
  }
  return samples;
}

/** Pushes TOTAL_BYTES into `cat` and reads them back; returns MiB/s for the round trip. */
async function catThroughput() {
  const chunk = Buffer.alloc(CHUNK_BYTES, 0x61);
  const child = startProcess({ command: ["cat"] });
  let received = 0;
  child.onOutput((_stream, data) => {
    received += data.length;
  });
  const start = performance.now();
  for (let sent = 0; sent < TOTAL_BYTES; sent += CHUNK_BYTES) await child.write(chunk);
  child.closeStdin();
  const result = await child.exited;
  const seconds = (performance.now() - start) / 1000;
  if (result.exitCode !== 0 || received !== TOTAL_BYTES) {
    throw new Error(`cat returned ${received} of ${TOTAL_BYTES} bytes (exit ${result.exitCode ?? result.signal})`);
  }
  return TOTAL_BYTES / (1024 * 1024) / seconds;
}

report("spawn+exit `true` (pipes)", await latency({ command: ["true"] }), "ms");
report("spawn+exit `true` (PTY)", await latency({ command: ["true"], tty: true }), "ms");

await catThroughput(); // warm up
const rates = [];
for (let i = 0; i < THROUGHPUT_RUNS; i += 1) rates.push(await catThroughput());
report("100 MiB through `cat` (pipes)", rates, "MiB/s");
