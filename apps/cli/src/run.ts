import { CommanderError } from "@commander-js/extra-typings";
import { ExitCode } from "./exit-codes.js";
import { type CliIo, processIo } from "./io.js";
import { buildProgram } from "./program.js";

/** Runs the `codex` command line and returns the process exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = ExitCode.success;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  const configure = (command: CommandLike): void => {
    command.exitOverride();
    command.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    command.commands.forEach(configure);
  };
  configure(program);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

interface CommandLike {
  exitOverride(): unknown;
  configureOutput(output: { writeOut(text: string): void; writeErr(text: string): void }): unknown;
  readonly commands: readonly CommandLike[];
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander already printed its own message for usage errors.
    return error.exitCode === 0 ? ExitCode.success : ExitCode.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`Error: ${message}\n`);
  const isUserError = error instanceof Error && typeof (error as { code?: unknown }).code === "string";
  if (!isUserError && error instanceof Error && /debug|trace/i.test(io.env.CODEX_LOG ?? io.env.RUST_LOG ?? "")) {
    io.stderr(`${error.stack ?? ""}\n`);
  }
  return ExitCode.failure;
}
