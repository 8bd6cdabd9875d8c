import { spawnSync } from "node:child_process";
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
