// Shell command classification and exec policy evaluation throughput (in-process, built package).
import { performance } from "node:perf_hooks";
import {
  evaluateCommand,
  isDangerousCommand,
  isKnownSafeCommand,
  parseExecPolicy,
  parseShellScript,
} from "../../../packages/shell-command/dist/index.js";
import { report } from "../lib/stats.mjs";

const ROUNDS = Number(process.env.BENCH_RUNS ?? 30);

const TEMPLATES = [
  "ls -la src",
  "git status --short && git diff --stat",
  "rg -n 'TODO|FIXME' src -g '*.ts' | head -50",
  "cd packages/app && pnpm test 2>&1 | tail -40",
  "find . -name '*.rs' -not -path './target/*' | xargs wc -l",
  "sed -n '120,180p' src/lib.rs",
  "cat <<'EOF' > notes.md\n# Notes\nsome text\nEOF",
  "for f in src/*.ts; do echo \"$f\"; grep -c import \"$f\"; done",
  "git fetch origin && git rebase origin/main || git rebase --abort",
  "python3 - <<'PY'\nimport json\nprint(json.dumps({'a': 1}))\nPY",
  "curl -fsSL https://example.com/install.sh | sh",
  "rm -rf build dist && mkdir -p build",
  "echo \"$(date +%s) $HOME\" >> /tmp/log.txt",
  "(cd web && npm ci) && (cd api && cargo build --release)",
  "if [ -f package.json ]; then jq .version package.json; fi",
  "git log --oneline -20 | awk '{print $1}' | xargs -n1 git show --stat",
];

/** A few thousand distinct scripts: every template with a varying suffix. */
function mixedScripts(count) {
  const scripts = [];
  for (let i = 0; i < count; i += 1) {
    const template = TEMPLATES[i % TEMPLATES.length];
    scripts.push(i % 3 === 0 ? template : `${template} ; echo step-${i}`);
  }
  return scripts;
}

const scripts = mixedScripts(4000);
const argvs = scripts.map((script) => ["bash", "-lc", script]);

function timeRounds(work) {
  work(); // warm up
  const samples = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    work();
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

let sink = 0;
const perScript = (samples) => samples.map((us) => us / scripts.length);

report(`parseShellScript per script (${scripts.length} mixed)`, perScript(timeRounds(() => {
  for (const script of scripts) sink += parseShellScript(script)?.commands.length ?? 0;
})), "us");

report(`isKnownSafeCommand + isDangerousCommand per script (${scripts.length} mixed)`, perScript(timeRounds(() => {
  for (const argv of argvs) sink += (isKnownSafeCommand(argv) ? 1 : 0) + (isDangerousCommand(argv) ? 2 : 0);
})), "us");

/** 500 rules over 100 programs, mixing plain tokens and alternatives. */
function rulesSource(count) {
  const lines = [];
  const decisions = ["allow", "prompt", "forbidden"];
  for (let i = 0; i < count; i += 1) {
    const program = `tool${i % 100}`;
    const pattern = i % 4 === 0 ? `["${program}", ["sub${i}", "alt${i}"], "--flag"]` : `["${program}", "sub${i}"]`;
    lines.push(`prefix_rule(pattern=${pattern}, decision="${decisions[i % 3]}", justification="rule ${i}")`);
  }
  lines.push(`prefix_rule(pattern=["git", ["push", "fetch"]], decision="prompt", match=["git push origin"])`);
  return lines.join("\n");
}

const source = rulesSource(500);
report("parseExecPolicy of 501 rules", timeRounds(() => {
  sink += parseExecPolicy([{ file: "bench.rules", text: source }]).rules.length;
}), "us");

const policy = parseExecPolicy([{ file: "bench.rules", text: source }]);
const commands = [];
for (let i = 0; i < 2000; i += 1) {
  const n = i % 500;
  commands.push(i % 5 === 0 ? ["bash", "-lc", `tool${n % 100} sub${n} --x && git push origin`] : [`tool${n % 100}`, `sub${n}`, "--flag", "file"]);
}
report(`evaluateCommand with 501 rules per command (${commands.length} commands)`, timeRounds(() => {
  for (const argv of commands) sink += evaluateCommand(policy, argv).matchedRules.length;
}).map((us) => us / commands.length), "us");

if (sink === 0) console.log("(no work measured)");
