// apply_patch throughput: one patch of 1000 hunks over a 50k-line file (built package, temp dir).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyPatch, computeChanges } from "../../../packages/apply-patch/dist/index.js";
import { report } from "../lib/stats.mjs";

const ROUNDS = Number(process.env.BENCH_RUNS ?? 15);
const LINES = 50_000;
const HUNKS = 1000;

const original = Array.from({ length: LINES }, (_, i) => `    let value_${i} = compute(${i}, "item ${i}");`);
const content = `${original.join("\n")}\n`;

/** Every 50th line is replaced, with one context line on each side; every 4th hunk also has an @@ anchor. */
function buildPatch() {
  const out = ["*** Begin Patch", "*** Update File: big.rs"];
  const step = Math.floor(LINES / HUNKS);
  for (let h = 0; h < HUNKS; h += 1) {
    const at = h * step + 2;
    out.push(h % 4 === 0 ? `@@ ${original[at - 2]}` : "@@");
    out.push(` ${original[at - 1]}`, `-${original[at]}`, `+    let value_${at} = recompute(${at});`, ` ${original[at + 1]}`);
  }
  out.push("*** End Patch");
  return out.join("\n");
}

const patch = buildPatch();
const root = await mkdtemp(path.join(tmpdir(), "bench-apply-patch-"));
const file = path.join(root, "big.rs");

const computeMs = [];
const applyMs = [];
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    const changes = await computeChanges(patch, () => content, { cwd: root });
    computeMs.push(performance.now() - start);
    if (changes[0]?.type !== "update") throw new Error("expected one update");

    await writeFile(file, content);
    start = performance.now();
    await applyPatch(patch, { cwd: root });
    applyMs.push(performance.now() - start);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

report(`apply-patch compute (${HUNKS} hunks, ${LINES} lines, in memory)`, computeMs, "ms");
report(`apply-patch apply (${HUNKS} hunks, ${LINES} lines, read+write)`, applyMs, "ms");
