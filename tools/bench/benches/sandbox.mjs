// Start-up overhead of the sandbox: `true` bare vs under the sandbox, per call (median and spread), and the
// ratio to bare. Linux: through the codex-linux-sandbox helper (node + bwrap), as a direct bwrap invocation,
// with the proxy forwarder, and through `codex sandbox linux`. macOS: sandbox-exec with the generated profile.
// With CODEX_REFERENCE_BIN set, `reference sandbox linux|macos -- true` is measured against ours.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codexBin, measureProcess, referenceBin } from "../lib/process.mjs";
import { report, reportRatio } from "../lib/stats.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const dist = (name) => fileURLToPath(new URL(`../../../packages/${name}/dist/index.js`, import.meta.url));
for (const name of ["sandboxing", "linux-sandbox"]) {
  if (!existsSync(dist(name))) throw new Error(`${dist(name)} is missing; build @codex-ts/${name} first`);
}
const sandboxing = await import(dist("sandboxing"));
const linuxSandbox = await import(dist("linux-sandbox"));
const helperPath = fileURLToPath(new URL("../../../packages/linux-sandbox/dist/helper.js", import.meta.url));

const platform = process.platform;
if (platform !== "linux" && platform !== "darwin") {
  console.log(`sandbox: skipped, no sandbox on ${platform}`);
  process.exit(0);
}

const workspace = realpathSync(mkdtempSync(path.join(tmpdir(), "codex-bench-sandbox-")));
const env = { PATH: process.env.PATH, HOME: workspace, CODEX_HOME: workspace };
const trueBin = ["/usr/bin/true", "/bin/true"].find((candidate) => existsSync(candidate)) ?? "true";

function sample(argv, options = {}) {
  measureProcess(argv, { env: options.env ?? env, cwd: workspace }); // warm the page cache
  const times = [];
  for (let i = 0; i < RUNS; i += 1) times.push(measureProcess(argv, { env: options.env ?? env, cwd: workspace }).ms);
  return times;
}

const argvOf = (invocation) => [invocation.program, ...invocation.args];
const invocationEnv = (invocation) => Object.fromEntries(Object.entries(invocation.env).filter(([, v]) => v !== undefined));
const bare = report("true, bare", sample([trueBin]), "ms");

function measureInvocation(name, invocation) {
  const summary = report(name, sample(argvOf(invocation), { env: invocationEnv(invocation) }), "ms");
  reportRatio(`${name} vs bare`, summary.median, bare.median);
  return summary;
}

const readOnly = { type: "readOnly", networkAccess: false };
const workspaceWrite = {
  type: "workspaceWrite",
  writableRoots: [],
  networkAccess: false,
  excludeTmpdirEnvVar: true,
  excludeSlashTmp: true,
};

let cliName = "linux";
if (platform === "linux") {
  const support = sandboxing.checkSandboxAvailable("linux", { env });
  const options = { cwd: workspace, env, platform, linuxSandboxExe: helperPath, bwrapPath: support.bwrapPath, mountProc: support.mountProc };
  const viaHelper = sandboxing.transform([trueBin], readOnly, options);
  measureInvocation("read-only, helper (node + bwrap)", viaHelper);
  const direct = linuxSandbox.directBwrapInvocation(viaHelper, { helperPath, procMountWorks: support.mountProc });
  measureInvocation("read-only, direct bwrap", direct);
  measureInvocation("workspace-write, helper (placeholders)", sandboxing.transform([trueBin], workspaceWrite, options));
  const socket = path.join(workspace, "proxy.sock");
  writeFileSync(socket, ""); // only bound into the sandbox; `true` never connects
  const proxied = sandboxing.transform([trueBin], { type: "readOnly", networkAccess: true }, { ...options, networkProxy: { unixSocket: socket } });
  measureInvocation("read-only, proxied network (helper + forwarder)", proxied);
} else {
  cliName = "macos";
  measureInvocation("read-only, sandbox-exec", sandboxing.transform([trueBin], readOnly, { cwd: workspace, env, platform }));
  measureInvocation("workspace-write, sandbox-exec", sandboxing.transform([trueBin], workspaceWrite, { cwd: workspace, env, platform }));
}

const cliWired = existsSync(codexBin) && spawnSync(process.execPath, [codexBin, "sandbox", cliName, "--help"], { env }).status === 0;
if (cliWired) {
  const ours = report(`codex sandbox ${cliName} -- true`, sample([process.execPath, codexBin, "sandbox", cliName, "--", trueBin]), "ms");
  reportRatio(`codex sandbox ${cliName} vs bare`, ours.median, bare.median);
  const reference = referenceBin();
  if (reference) {
    const theirs = report(`reference sandbox ${cliName} -- true`, sample([reference, "sandbox", cliName, "--", trueBin]), "ms");
    reportRatio(`codex sandbox ${cliName}`, ours.median, theirs.median);
  }
} else {
  console.log(`codex sandbox ${cliName}: skipped, the built CLI has no sandbox command yet`);
}
rmSync(workspace, { recursive: true, force: true });
