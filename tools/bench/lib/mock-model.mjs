// Scratch directories, environment and command lines for benches that run `codex exec` against the mock
// Responses server of packages/test-support (which must be built).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { configForMock } from "../../../packages/test-support/dist/index.js";

export {
  functionCall,
  message,
  startMockResponsesServer,
  turn,
} from "../../../packages/test-support/dist/index.js";

/**
 * A fresh root holding CODEX_HOME (with a config.toml whose provider `mock` points at `mockUrl`), a working
 * directory and the child's own TMPDIR. Upstream refuses to set up its sandbox helper when CODEX_HOME lies in
 * the temp dir, so the child gets a TMPDIR of its own and CODEX_HOME stays outside it.
 */
export function mockScratch(mockUrl, name) {
  const root = mkdtempSync(path.join(tmpdir(), `codex-bench-${name}-`));
  const home = path.join(root, "home");
  const work = path.join(root, "work");
  const childTmp = path.join(root, "tmp");
  for (const dir of [home, work, childTmp]) mkdirSync(dir);
  writeFileSync(path.join(home, "config.toml"), configForMock(mockUrl, { requestMaxRetries: 0, streamMaxRetries: 0 }));
  const env = { PATH: process.env.PATH, HOME: home, CODEX_HOME: home, TMPDIR: childTmp, OPENAI_API_KEY: "sk-bench" };
  return { root, home, work, env, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The argv prefix that runs `bin`: JavaScript entry points run with this Node.js. */
export function commandOf(bin) {
  return /\.(?:c|m)?js$/.test(bin) ? [process.execPath, bin] : [bin];
}
