// Throughput and added latency of a CONNECT tunnel through the network proxy versus a direct TCP
// connection to the same local server. Loopback only; bounded by a global deadline.
import { connect, createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startNetworkProxy } from "../../../packages/network-proxy/dist/index.js";
import { report, reportRatio } from "../lib/stats.mjs";

const TOTAL_BYTES = 100 * 1024 * 1024;
const THROUGHPUT_RUNS = 5;
const PING_ROUNDS = 2_000;
const SETUP_RUNS = 200;
const DEADLINE_MS = 120_000;

let targetPort = 0;
let proxyPort = 0;

const chunk = Buffer.alloc(1024 * 1024, 0x61);

// 'D': the server sends TOTAL_BYTES then ends. 'U': the server swallows input and answers 'K' at
// its end. 'E': echo.
function serveTarget(socket) {
  socket.once("readable", function onReadable() {
    const head = socket.read(1);
    if (head === null) return socket.once("readable", onReadable);
    const mode = head.toString();
    if (mode === "E") {
      socket.pipe(socket);
    } else if (mode === "U") {
      socket.resume();
      socket.on("end", () => socket.end("K"));
    } else if (mode === "D") {
      let left = TOTAL_BYTES;
      const pump = () => {
        while (left > 0) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          if (!socket.write(piece)) return socket.once("drain", pump);
        }
        socket.end();
      };
      pump();
    }
  });
  socket.on("error", () => socket.destroy());
}

// The target server and the proxy each get their own thread, so the client, the proxy and the
// target do not share one event loop.
if (!isMainThread) {
  if (workerData.role === "target") {
    const server = createServer(serveTarget);
    server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
  } else {
    const proxy = await startNetworkProxy({
      config: { allowed_domains: ["127.0.0.1"] },
      http: "127.0.0.1:0",
      admin: "127.0.0.1:0",
      onWarning: () => undefined,
    });
    parentPort.postMessage(proxy.httpAddress.port);
  }
} else {
  await main();
}

function startThread(role) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role } });
  return new Promise((resolve, reject) => {
    worker.once("message", (port) => resolve({ worker, port }));
    worker.once("error", reject);
  });
}

function openDirect() {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: targetPort, noDelay: true }, () => resolve(socket));
    socket.once("error", reject);
  });
}

function openTunnel() {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port: proxyPort, noDelay: true }, () => {
      socket.write(`CONNECT 127.0.0.1:${targetPort} HTTP/1.1\r\nHost: 127.0.0.1:${targetPort}\r\n\r\n`);
    });
    let buffered = Buffer.alloc(0);
    const onData = (data) => {
      buffered = Buffer.concat([buffered, data]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      socket.off("data", onData);
      if (!buffered.subarray(0, 12).toString().includes("200")) return reject(new Error(buffered.toString()));
      const rest = buffered.subarray(end + 4);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    socket.on("data", onData);
    socket.once("error", reject);
  });
}

async function download(open) {
  const socket = await open();
  const start = performance.now();
  let received = 0;
  await new Promise((resolve, reject) => {
    socket.on("data", (data) => (received += data.length));
    socket.on("end", resolve);
    socket.on("error", reject);
    socket.write("D");
  });
  const seconds = (performance.now() - start) / 1000;
  socket.destroy();
  if (received !== TOTAL_BYTES) throw new Error(`downloaded ${received} of ${TOTAL_BYTES} bytes`);
  return TOTAL_BYTES / (1024 * 1024) / seconds;
}

async function upload(open) {
  const socket = await open();
  const start = performance.now();
  await new Promise((resolve, reject) => {
    socket.on("data", (data) => data.toString().includes("K") && resolve());
    socket.on("error", reject);
    socket.write("U");
    let left = TOTAL_BYTES;
    const pump = () => {
      while (left > 0) {
        left -= chunk.length;
        if (!socket.write(chunk)) return socket.once("drain", pump);
      }
      socket.end();
    };
    pump();
  });
  const seconds = (performance.now() - start) / 1000;
  socket.destroy();
  return TOTAL_BYTES / (1024 * 1024) / seconds;
}

async function roundTrips(open) {
  const socket = await open();
  socket.write("E");
  const samples = [];
  for (let i = 0; i < PING_ROUNDS; i += 1) {
    const start = performance.now();
    await new Promise((resolve) => {
      socket.once("data", resolve);
      socket.write("p");
    });
    samples.push((performance.now() - start) * 1000);
  }
  socket.destroy();
  return samples.slice(PING_ROUNDS / 10); // drop warm-up
}

async function setups(open) {
  const samples = [];
  for (let i = 0; i < SETUP_RUNS; i += 1) {
    const start = performance.now();
    const socket = await open();
    samples.push((performance.now() - start) * 1000);
    socket.destroy();
  }
  return samples;
}

async function compare(name, unit, measure, higherIsBetter) {
  const direct = [];
  const tunnel = [];
  for (let i = 0; i < THROUGHPUT_RUNS; i += 1) {
    direct.push(...[].concat(await measure(openDirect)));
    tunnel.push(...[].concat(await measure(openTunnel)));
  }
  const d = report(`${name} direct`, direct, unit);
  const t = report(`${name} via CONNECT`, tunnel, unit);
  // Ratio is CONNECT over direct: below 1x costs throughput, above 1x adds latency.
  reportRatio(`${name} CONNECT/direct${higherIsBetter ? "" : " (lower is better)"}`, t.median, d.median);
  if (!higherIsBetter) console.log(`${name} added by the proxy: median ${(t.median - d.median).toFixed(2)} ${unit}`);
}

async function main() {
  const deadline = setTimeout(() => {
    console.error("network-proxy bench: exceeded its time budget");
    process.exit(1);
  }, DEADLINE_MS);
  const target = await startThread("target");
  const proxy = await startThread("proxy");
  targetPort = target.port;
  proxyPort = proxy.port;
  try {
    await compare("download 100 MB", "MB/s", download, true);
    await compare("upload 100 MB", "MB/s", upload, true);
    await compare("round trip 1 byte", "µs", roundTrips, false);
    await compare("connection setup", "µs", setups, false);
  } finally {
    clearTimeout(deadline);
    await Promise.all([target.worker.terminate(), proxy.worker.terminate()]);
  }
}
