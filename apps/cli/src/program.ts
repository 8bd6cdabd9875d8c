import { Command, type CommandUnknownOpts } from "@commander-js/extra-typings";
import { closestName } from "./closest-name.js";
import { appServerCommand } from "./commands/app-server.js";
import { applyPatchCommand } from "./commands/apply-patch.js";
import { debugCommand } from "./commands/debug.js";
import { execCommand } from "./commands/exec/exec-command.js";
import { execpolicyCommand } from "./commands/execpolicy.js";
import { featuresCommand } from "./commands/features.js";
import { sandboxCommand } from "./commands/sandbox.js";
import { PLACEHOLDER_COMMANDS, notImplemented, placeholderCommand } from "./commands/placeholders.js";
import { ExitCode } from "./exit-codes.js";
import { addGlobalOptions } from "./global-options.js";
import type { CliIo } from "./io.js";
import { CLI_VERSION } from "./version.js";

/** Builds the `codex` command tree. `setExitCode` lets actions report a code without throwing. */
export function buildProgram(io: CliIo, setExitCode: (code: number) => void): CommandUnknownOpts {
  const program = addGlobalOptions(
    new Command("codex")
      .description("Codex: a local coding agent.\n\nWith no subcommand, starts the interactive terminal UI.")
      .version(`codex-cli ${CLI_VERSION}`, "-V, --version", "print the version")
      .helpOption("-h, --help", "print help")
      .argument("[PROMPT]", "optional prompt to start the interactive session with (quote it)")
      .allowExcessArguments()
      .showSuggestionAfterError(true),
  ).action(() => {
    const [first, second] = program.args;
    const suggestion = first !== undefined && /^[a-z][a-z0-9_-]*$/.test(first)
      ? closestName(first, program.commands.flatMap((sub) => [sub.name(), ...sub.aliases()]))
      : undefined;
    if (first !== undefined && suggestion !== undefined) {
      io.stderr(`error: unknown command '${first}' (did you mean '${suggestion}'?)\n`);
      setExitCode(ExitCode.usage);
    } else if (second !== undefined) {
      io.stderr(`error: unexpected argument '${second}'; quote the prompt to pass several words\n`);
      setExitCode(ExitCode.usage);
    } else {
      setExitCode(notImplemented(io, "the interactive terminal UI"));
    }
  });

  program.addCommand(execCommand(io, setExitCode) as unknown as CommandUnknownOpts);
  program.addCommand(featuresCommand(io));
  program.addCommand(debugCommand(io));
  program.addCommand(execpolicyCommand(io), { hidden: true });
  program.addCommand(sandboxCommand(io, setExitCode));
  program.addCommand(appServerCommand(io, setExitCode));
  program.addCommand(applyPatchCommand(io, setExitCode));
  for (const spec of PLACEHOLDER_COMMANDS) {
    program.addCommand(placeholderCommand(io, spec, setExitCode));
  }
  return program;
}
