import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const codexBin = fileURLToPath(new URL("../../../apps/cli/dist/cli.js", import.meta.url));

const MEASURE = `
import json, resource, subprocess, sys, time
argv = json.loads(sys.argv[1])
start = time.perf_counter()
proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = (time.perf_counter() - start) * 1000
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"ms": elapsed, "maxRssKb": usage.ru_maxrss, "status": proc.returncode, "stderr": proc.stderr.decode(errors="replace")[-500:]}))
`;

/**
 * Runs `argv` once as a child process and returns its wall time (ms) and peak RSS (KiB).
 * Peak RSS comes from getrusage(RUSAGE_CHILDREN) of a measuring python3 parent, which sees only this child.
 */
export function measureProcess(argv, options = {}) {
  const result = spawnSync("python3", ["-c", MEASURE, JSON.stringify(argv)], {
    encoding: "utf8",
    env: options.env ?? process.env,
    cwd: options.cwd,
  });
  if (result.status !== 0) throw new Error(`measureProcess failed: ${result.stderr}`);
  const parsed = JSON.parse(result.stdout);
  if (parsed.status !== 0 && !options.allowFailure) {
    throw new Error(`${argv.join(" ")} exited ${parsed.status}: ${parsed.stderr}`);
  }
  return parsed;
}

/** The reference binary from CODEX_REFERENCE_BIN, if set. */
export function referenceBin() {
  const value = process.env.CODEX_REFERENCE_BIN;
  return value && value.length > 0 ? value : undefined;
}

const MEASURE_ASYNC = `
import json, resource, subprocess, sys, time
argv = json.loads(sys.argv[1])
start = time.perf_counter()
proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
elapsed = (time.perf_counter() - start) * 1000
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"ms": elapsed, "maxRssKb": usage.ru_maxrss, "status": proc.returncode, "stdout": proc.stdout.decode(errors="replace"), "stderr": proc.stderr.decode(errors="replace")[-2000:]}))
`;

/**
 * Like `measureProcess`, but does not block the event loop (so a server in this process, such as the mock
 * Responses server, keeps answering), gives the child an empty stdin and returns its stdout too.
 */
export function measureProcessAsync(argv, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", MEASURE_ASYNC, JSON.stringify(argv)], {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (out += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (err += chunk));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) return reject(new Error(`measureProcessAsync failed: ${err}`));
      const parsed = JSON.parse(out);
      if (parsed.status !== 0 && !options.allowFailure) {
        return reject(new Error(`${argv.join(" ")} exited ${parsed.status}: ${parsed.stderr}`));
      }
      resolve(parsed);
    });
  });
}
