// `codex app-server --listen ws://127.0.0.1:0` under load: 100 WebSocket clients each send 1000
// `fs/getMetadata` requests (a few in flight per client): throughput and latency percentiles. Then the
// same with one slow client that floods the server and never reads its answers: the fast clients' p99
// should barely move, and the slow client should be disconnected. Loopback only, bounded in time.
// APP_SERVER_BENCH_ARGV (a JSON array) replaces our command line, e.g. to measure a development entry.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { connectWebSocket } from "../../../packages/app-server-client/dist/index.js";
import { codexBin } from "../lib/process.mjs";
import { report } from "../lib/stats.mjs";

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 100);
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_WS_REQUESTS ?? 1000);
const IN_FLIGHT_PER_CLIENT = 4;
const DEADLINE_MS = 180_000;

const home = mkdtempSync(path.join(tmpdir(), "codex-bench-app-server-ws-"));
const env = { PATH: process.env.PATH, HOME: home, CODEX_HOME: home };
const bigFile = path.join(home, "payload.bin");
writeFileSync(bigFile, Buffer.alloc(64 * 1024, 0x61));
const serverArgv = process.env.APP_SERVER_BENCH_ARGV ? JSON.parse(process.env.APP_SERVER_BENCH_ARGV) : [process.execPath, codexBin, "app-server"];

function startServer() {
  const child = spawn(serverArgv[0], [...serverArgv.slice(1), "--listen", "ws://127.0.0.1:0"], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
      const match = /listening on: (ws:\/\/\S+)/.exec(stderr);
      if (match) resolve({ child, url: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${stderr.slice(-500)}`)));
  });
}

async function fastClient(url, latencies) {
  const client = await connectWebSocket(url, { requestTimeoutMs: 60_000 });
  await client.initialize({ clientInfo: { name: "bench", version: "1.0.0" } });
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS_PER_CLIENT) {
      next += 1;
      const start = performance.now();
      await client.request("fs/getMetadata", { path: home });
      latencies.push((performance.now() - start) * 1000);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT_PER_CLIENT }, worker));
  return client;
}

/**
 * A client that keeps asking for a 64 KiB file (about 100 times a second, a small share of the server's
 * capacity) and never reads the answers, so they pile up until the server disconnects it.
 */
async function slowClient(url) {
  const { default: WebSocket } = await import("../../../packages/app-server-client/node_modules/ws/wrapper.mjs");
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  socket.send(JSON.stringify({ id: 0, method: "initialize", params: { clientInfo: { name: "slow", version: "1" } } }));
  await new Promise((resolve) => socket.once("message", resolve));
  socket._socket.pause();
  let closed = false;
  socket.once("close", () => (closed = true));
  let id = 1;
  const started = performance.now();
  let disconnectedAfterMs;
  socket.once("close", () => (disconnectedAfterMs = performance.now() - started));
  const flood = setInterval(() => {
    for (let i = 0; i < 2 && !closed; i += 1) {
      socket.send(JSON.stringify({ id: id++, method: "fs/readFile", params: { path: bigFile } }));
    }
  }, 20);
  return { socket, disconnectedAfterMs: () => disconnectedAfterMs, stop: () => clearInterval(flood) };
}

/** Warms the server up (JIT, lazily loaded handlers) without reporting. */
async function warmUp(url) {
  const clients = await Promise.all(Array.from({ length: 10 }, () => connectWebSocket(url, { requestTimeoutMs: 60_000 })));
  await Promise.all(
    clients.map(async (client) => {
      await client.initialize({ clientInfo: { name: "bench-warm-up", version: "1.0.0" } });
      for (let i = 0; i < 100; i += 1) await client.request("fs/getMetadata", { path: home });
      await client.close();
    }),
  );
}

async function round(url, withSlowClient) {
  const slow = withSlowClient ? await slowClient(url) : undefined;
  const latencies = [];
  const start = performance.now();
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => fastClient(url, latencies)));
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(clients.map((client) => client.close()));
  slow?.stop();
  const label = withSlowClient ? "with one slow client" : "alone";
  console.log(`ws ${CLIENTS}x${REQUESTS_PER_CLIENT} fs/getMetadata ${label}: ${(latencies.length / seconds).toFixed(0)} requests/s`);
  const summary = report(`ws request latency ${label}`, latencies, "µs");
  console.log(`ws request latency ${label}: p99 ${summary.p99.toFixed(0)} µs`);
  if (slow) {
    const after = slow.disconnectedAfterMs();
    console.log(`slow client disconnected by the server: ${after === undefined ? "no" : `yes, after ${after.toFixed(0)} ms`}`);
    slow.socket.terminate();
  }
  return summary;
}

const deadline = setTimeout(() => {
  console.error("app-server-ws bench: exceeded its time budget");
  process.exit(1);
}, DEADLINE_MS);
const { child, url } = await startServer();
try {
  await warmUp(url);
  const alone = await round(url, false);
  const slowed = await round(url, true);
  console.log(`ws p99 with a slow client vs alone: ratio ${(slowed.p99 / alone.p99).toFixed(2)}x (p50 ${(slowed.median / alone.median).toFixed(2)}x)`);
} finally {
  clearTimeout(deadline);
  child.kill("SIGTERM");
}
