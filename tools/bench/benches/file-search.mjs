// Fuzzy file search over a generated tree of 100k files: one-shot searches (walk + rank), a session's
// time to first results, full re-ranking of 100k paths after the walk, narrowing, and event-loop stalls.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { FileSearchSession, fuzzyFileSearch, rankPaths } from "../../../packages/file-search/dist/index.js";
import { report } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FILES = 100_000;
const TREE_VERSION = 1;
const QUERIES = ["comp", "srcutil", "button", "readme", "hooks/use"];

/** Deterministic pseudo-random numbers, so every run ranks the same tree. */
function rng(seed) {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const WORDS = ["src", "lib", "components", "utils", "core", "api", "server", "client", "test", "docs", "models",
  "views", "hooks", "store", "config", "build", "scripts", "assets", "styles", "types", "button", "readme"];
const EXTENSIONS = [".ts", ".tsx", ".js", ".json", ".md", ".rs", ".css"];

/** Builds the tree once (about 5,000 directories of 20 files, plus an ignored directory) and reuses it. */
function ensureTree() {
  const root = path.join(tmpdir(), `codex-bench-file-search-v${TREE_VERSION}`);
  const marker = path.join(root, ".complete");
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  const rnd = rng(42);
  let written = 0;
  for (let d = 0; written < FILES; d += 1) {
    const depth = 1 + rnd(4);
    const parts = [];
    for (let i = 0; i < depth; i += 1) parts.push(WORDS[rnd(WORDS.length)] + (rnd(3) === 0 ? String(rnd(50)) : ""));
    const dir = path.join(root, ...parts, `m${d}`);
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < 20 && written < FILES; f += 1, written += 1) {
      const name = `${WORDS[rnd(WORDS.length)]}_${WORDS[rnd(WORDS.length)]}${written}${EXTENSIONS[rnd(EXTENSIONS.length)]}`;
      writeFileSync(path.join(dir, name), "");
    }
  }
  mkdirSync(path.join(root, "node_modules", "dep"), { recursive: true });
  for (let i = 0; i < 1000; i += 1) writeFileSync(path.join(root, "node_modules", "dep", `component${i}.js`), "");
  writeFileSync(path.join(root, ".gitignore"), "node_modules/\n*.log\n");
  writeFileSync(marker, "");
  console.log(`generated ${FILES} files in ${((performance.now() - started) / 1000).toFixed(1)} s at ${root}`);
  return root;
}

const root = ensureTree();

/** Runs a session: resolves with the time to the first non-empty update and to completion. */
function sessionRun(query) {
  return new Promise((resolve) => {
    const started = performance.now();
    let first;
    const session = FileSearchSession.start({
      roots: [root],
      onUpdated: (event) => {
        if (first === undefined && event.files.length > 0) first = performance.now() - started;
      },
      onCompleted: () => {
        const total = performance.now() - started;
        resolve({ first: first ?? total, total, session });
      },
    });
    session.update(query);
  });
}

// Warm-up (JIT and page cache).
await fuzzyFileSearch({ query: "warm", roots: [root] });

for (const query of QUERIES.slice(0, 2)) {
  const samples = [];
  let files = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const outcome = await fuzzyFileSearch({ query, roots: [root] });
    samples.push(performance.now() - started);
    files = outcome.scannedCount;
  }
  report(`one-shot "${query}" (walk ${files} entries + rank)`, samples, "ms");
}

const firstResults = [];
const fullWalk = [];
for (let i = 0; i < RUNS; i += 1) {
  const run = await sessionRun("comp");
  firstResults.push(run.first);
  fullWalk.push(run.total);
  run.session.stop();
}
report('session "comp": first results', firstResults, "ms");
report('session "comp": completed', fullWalk, "ms");

// Full ranking of every path after the walk: alternate queries so no ranking can narrow.
let completedHook = () => undefined;
const session = FileSearchSession.start({ roots: [root], onCompleted: () => completedHook() });
const rankOnce = (query) =>
  new Promise((resolve) => {
    const started = performance.now();
    completedHook = () => resolve(performance.now() - started);
    session.update(query);
  });
await rankOnce("warm");
const scanned = session.snapshot().scannedCount;
for (const query of QUERIES) {
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) {
    await rankOnce("zzzz-reset");
    samples.push(await rankOnce(query));
  }
  report(`full ranking of ${scanned} paths "${query}"`, samples, "ms");
}
const fresh = [];
const narrowing = [];
for (let i = 0; i < RUNS; i += 1) {
  await rankOnce("zzzz-reset");
  fresh.push(await rankOnce("compo"));
  await rankOnce("comp");
  narrowing.push(await rankOnce("compo"));
}
report('"compo" from scratch', fresh, "ms");
report('"compo" narrowed from "comp"', narrowing, "ms");
session.stop();

// In-memory ranking (paths already known), including folding 100k paths.
const paths = [];
const rnd = rng(7);
for (let i = 0; i < FILES; i += 1) {
  paths.push(`${WORDS[rnd(WORDS.length)]}/${WORDS[rnd(WORDS.length)]}${rnd(50)}/${WORDS[rnd(WORDS.length)]}_${i}.ts`);
}
const inMemory = [];
for (let i = 0; i < RUNS; i += 1) {
  const started = performance.now();
  rankPaths("comp", paths);
  inMemory.push(performance.now() - started);
}
report(`rankPaths ${FILES} in-memory paths "comp"`, inMemory, "ms");

// Longest event-loop stall while a session walks and ranks.
const stalls = [];
for (let i = 0; i < RUNS; i += 1) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const run = await sessionRun("srcutil");
  histogram.disable();
  run.session.stop();
  stalls.push(histogram.max / 1e6);
}
report("longest event-loop stall during a session", stalls, "ms");
