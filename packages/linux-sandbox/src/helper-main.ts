#!/usr/bin/env node
// The `codex-linux-sandbox` executable: parses the serialised policy, runs the command under bubblewrap and
// exits the way the command did.
import { exitLike } from "./child-exit.js";
import { parseHelperArgs } from "./helper-request.js";
import { LinuxSandboxError, SANDBOX_SETUP_FAILED_EXIT_CODE } from "./linux-sandbox-error.js";
import { runLinuxSandbox } from "./run-linux-sandbox.js";

try {
  const request = parseHelperArgs(process.argv.slice(2));
  exitLike(await runLinuxSandbox(request));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`codex-linux-sandbox: ${message}\n`);
  if (!(error instanceof LinuxSandboxError) && error instanceof Error && /debug|trace/i.test(process.env.CODEX_LOG ?? "")) {
    process.stderr.write(`${error.stack ?? ""}\n`);
  }
  process.exit(SANDBOX_SETUP_FAILED_EXIT_CODE);
}
