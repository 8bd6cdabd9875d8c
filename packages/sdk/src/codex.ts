import { CodexExecRunner } from "./codex-exec-runner.js";
import type { CodexOptions, ThreadOptions } from "./options.js";
import { Thread } from "./thread.js";

/** Entry point: starts or resumes threads, each turn of which runs `codex exec --experimental-json`. */
export class Codex {
  private readonly runner: CodexExecRunner;

  constructor(options: CodexOptions = {}) {
    this.runner = new CodexExecRunner(options);
  }

  /** A new thread; its id is known once its first turn has started. */
  startThread(options: ThreadOptions = {}): Thread {
    return new Thread(this.runner, options);
  }

  /** A thread that continues the recorded session `id` (sessions live under `$CODEX_HOME/sessions`). */
  resumeThread(id: string, options: ThreadOptions = {}): Thread {
    return new Thread(this.runner, options, id);
  }
}
