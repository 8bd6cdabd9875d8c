import path from "node:path";
import { type Command, Command as CommandClass } from "@commander-js/extra-typings";
import type { CliIo } from "../io.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `codex execpolicy check`: explain how the exec policy rules decide a command. */
export function execpolicyCommand(io: CliIo): Command {
  const execpolicy = new CommandClass("execpolicy")
    .description("Check commands against exec policy rules")
    .enablePositionalOptions();

  execpolicy
    .command("check")
    .description(
      "Print, as JSON, the rules that match a command and the resulting decision.\n" +
        "Rules come from $CODEX_HOME/rules/*.rules, <cwd>/.codex/rules/*.rules and every --rules FILE.\n" +
        "A `bash -lc SCRIPT` command is split into the commands of its script.\n" +
        "Put the command after `--` when it has options of its own: codex execpolicy check -- git log -p",
    )
    .option("-r, --rules <FILE>", "also load this rules file (repeatable)", collect, [] as string[])
    .option("--pretty", "pretty-print the JSON output")
    .option("--resolve-host-executables", "let an absolute program path match rules for its basename, as host_executable() allows")
    .argument("<COMMAND...>", "the command to check")
    .passThroughOptions()
    .allowUnknownOption()
    .action(async (command, options) => {
      const [{ resolveCodexHome }, { evaluateCommand, formatExecPolicyCheck, loadExecPolicy }] = await Promise.all([
        import("@codex-ts/config"),
        import("@codex-ts/shell-command"),
      ]);
      const codexHome = await resolveCodexHome({ env: io.env });
      const policy = await loadExecPolicy({
        directories: [path.join(codexHome, "rules"), path.join(io.cwd, ".codex", "rules")],
        files: options.rules.map((file) => path.resolve(io.cwd, file)),
      });
      const evaluation = evaluateCommand(policy, command, { resolveHostExecutables: options.resolveHostExecutables === true });
      io.stdout(`${formatExecPolicyCheck(evaluation, options.pretty === true)}\n`);
    });
  return execpolicy;
}
