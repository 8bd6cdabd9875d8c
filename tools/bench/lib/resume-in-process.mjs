// Child of benches/resume-200.mjs: resumes one rollout with core's ThreadManager and prints the elapsed ms as
// JSON (`{"ms": ..., "turns": ...}`). With `--baseline` it only loads the modules, for the RSS baseline.
import { performance } from "node:perf_hooks";
import { ThreadManager } from "../../../packages/core/dist/index.js";

const [rolloutPath, codexHome, mode] = process.argv.slice(2);
if (mode === "--baseline") {
  console.log(JSON.stringify({ ms: 0, turns: 0 }));
} else {
  const manager = new ThreadManager({ codexHome, cliVersion: "0.0.0", originator: "codex_bench", source: "exec" });
  const start = performance.now();
  const thread = await manager.resumeThread({ path: rolloutPath });
  const ms = performance.now() - start;
  const turns = typeof thread.turns === "function" ? thread.turns().length : (thread.turns?.length ?? null);
  await manager.shutdown();
  console.log(JSON.stringify({ ms, turns }));
}
