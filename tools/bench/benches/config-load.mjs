// Loading a 300-line config spread over 5 layers (system, managed, user, project, -c flags), in process.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../../../packages/config/dist/index.js";
import { report } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const root = realpathSync(mkdtempSync(path.join(tmpdir(), "codex-bench-config-")));
const system = path.join(root, "etc");
const home = path.join(root, "home");
const project = path.join(root, "project");
for (const dir of [system, home, path.join(project, ".git"), path.join(project, ".codex")]) {
  mkdirSync(dir, { recursive: true });
}

/** About `lines` lines of realistic config: providers, MCP servers, profiles, projects, features. */
function configText(tag, lines, extra = "") {
  const out = [`# ${tag} layer`, `model = "model-${tag}"`, 'approval_policy = "on-request"', extra];
  let i = 0;
  while (out.length < lines) {
    out.push(
      "",
      `[model_providers.${tag}-${i}]`,
      `name = "Provider ${i}"`,
      `base_url = "http://127.0.0.1:${8000 + i}/v1"`,
      'env_key = "BENCH_API_KEY"',
      "request_max_retries = 4",
      "",
      `[mcp_servers.${tag}-server-${i}]`,
      'command = "node"',
      `args = ["server-${i}.js", "--flag"]`,
      "startup_timeout_sec = 10",
      "",
      `[profiles.${tag}-${i}]`,
      `model = "profile-model-${i}"`,
      'model_reasoning_effort = "high"',
    );
    i += 1;
  }
  return `${out.join("\n")}\n`;
}

writeFileSync(path.join(system, "config.toml"), configText("system", 60));
writeFileSync(path.join(system, "managed_config.toml"), configText("managed", 60));
writeFileSync(
  path.join(home, "config.toml"),
  configText("user", 60, `[projects."${project}"]\ntrust_level = "trusted"\n`),
);
writeFileSync(path.join(project, ".codex", "config.toml"), configText("project", 60));
// 60 flags that each set a header on a provider the user layer defines.
const overrides = Array.from({ length: 60 }, (_, i) => `model_providers.user-${i % 4}.http_headers.X-Bench-${i}="v${i}"`);

const options = { codexHome: home, cwd: project, systemConfigDir: system, overrides, env: {} };
const first = await loadConfig(options);
if (first.layers.filter((layer) => !layer.disabledReason).length < 5) {
  throw new Error(`expected 5 active layers, got ${first.layers.length}`);
}
const samples = [];
for (let i = 0; i < RUNS; i += 1) {
  const start = performance.now();
  await loadConfig(options);
  samples.push(performance.now() - start);
}
report("config load (300 lines, 5 layers)", samples, "ms");
