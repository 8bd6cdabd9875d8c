import { type CodexCommand, resolveCodexCommand } from "./codex-path.js";
import { execLines } from "./codex-exec.js";
import { buildExecArgs, buildExecEnv, type ExecRequest } from "./exec-args.js";
import type { CodexOptions } from "./options.js";

/** Runs `codex exec` for a `Codex` client: one executable, one environment, one set of config overrides. */
export class CodexExecRunner {
  private readonly command: CodexCommand;

  constructor(private readonly options: CodexOptions) {
    this.command = resolveCodexCommand(options.codexPathOverride);
  }

  /** Starts one turn and yields the raw JSONL lines it prints. */
  run(request: Omit<ExecRequest, "config" | "baseUrl" | "apiKey">, signal?: AbortSignal): AsyncGenerator<string> {
    const full: ExecRequest = {
      ...request,
      config: this.options.config,
      baseUrl: this.options.baseUrl,
      apiKey: this.options.apiKey,
    };
    return execLines({
      command: this.command,
      args: buildExecArgs(full),
      env: buildExecEnv(this.options.env, full),
      input: request.input,
      signal,
    });
  }
}
