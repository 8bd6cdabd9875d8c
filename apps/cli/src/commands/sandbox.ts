import { type Command, Command as CommandClass } from "@commander-js/extra-typings";
import { globalOptionsOf } from "../global-options.js";
import type { CliIo } from "../io.js";
import { loadCliConfig } from "../load-config.js";
import { PLATFORM_NAMES, type Platform } from "./sandbox-platforms.js";
import type { SandboxCommandConfig } from "./sandbox-run.js";

/**
 * `codex sandbox linux|macos [--full-auto] [-c key=value]... [--] COMMAND [ARG...]`: runs any command under the
 * sandbox Codex uses for its own commands (read-only by default; `--full-auto` lets it write the working
 * directory), with the terminal's stdio, and exits with the command's exit code. The code is reported through
 * `setExitCode`.
 */
export function sandboxCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const report = setExitCode;
  const sandbox = new CommandClass("sandbox")
    .description("Run commands within a Codex-provided sandbox")
    .enablePositionalOptions();

  const variants: Array<{ name: string; alias: string; platform: Platform; mechanism: string }> = [
    { name: "macos", alias: "seatbelt", platform: "darwin", mechanism: "Seatbelt (sandbox-exec)" },
    { name: "linux", alias: "landlock", platform: "linux", mechanism: "bubblewrap" },
  ];
  for (const { name, alias, platform, mechanism } of variants) {
    sandbox
      .command(name)
      .alias(alias)
      .summary(`Run a command under the ${PLATFORM_NAMES[platform]} sandbox (${mechanism})`)
      .description(
        `Run a command under the ${PLATFORM_NAMES[platform]} sandbox (${mechanism}): read-only, no network.\n` +
          "--full-auto also lets it write the working directory, $TMPDIR and /tmp (not .git, .codex, .agents);\n" +
          "[sandbox_workspace_write] in config (writable_roots, network_access, ...) applies then.\n" +
          "With network access and [network_proxy] enabled = true, the network goes through the policy proxy\n" +
          "(allowed_domains, denied_domains, ...) and blocked requests are listed on stderr at the end.\n" +
          "Put the command after `--`, so that its own options (such as `sh -c`) are not read as codex options.",
      )
      .usage("[--full-auto] [-c key=value]... -- COMMAND [ARG...]")
      .option("--full-auto", "let the command write the working directory (workspace-write)")
      .argument("<COMMAND...>", "the command to run and its arguments")
      .passThroughOptions()
      .allowUnknownOption()
      .action(async (command, options, subcommand) => {
        const loaded = await loadCliConfig(globalOptionsOf(subcommand), io);
        const { runSandboxed } = await import("./sandbox-run.js");
        report(await runSandboxed(io, platform, command, options, loaded.config as SandboxCommandConfig));
      });
  }
  return sandbox;
}
