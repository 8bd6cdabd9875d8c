import type { Command } from "@commander-js/extra-typings";

/** Options accepted by every command, before or after the subcommand name. */
export interface GlobalOptions {
  config: string[];
  enable: string[];
  disable: string[];
  profile?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Declares `-c/--config`, `--enable`, `--disable` and `-p/--profile` on the root command. */
export function addGlobalOptions<C extends Command>(command: C) {
  return command
    .option(
      "-c, --config <key=value>",
      "override a config value (dotted key path; the value is parsed as TOML, else taken as a string); repeatable",
      collect,
      [] as string[],
    )
    .option("--enable <FEATURE>", "enable a feature (repeatable); same as -c features.<name>=true", collect, [] as string[])
    .option("--disable <FEATURE>", "disable a feature (repeatable); same as -c features.<name>=false", collect, [] as string[])
    .option("-p, --profile <NAME>", "use the [profiles.NAME] table of config.toml");
}

/** Reads the global options as seen by any (sub)command. */
export function globalOptionsOf(command: { optsWithGlobals(): object }): GlobalOptions {
  const raw = command.optsWithGlobals() as Partial<GlobalOptions>;
  return {
    config: raw.config ?? [],
    enable: raw.enable ?? [],
    disable: raw.disable ?? [],
    ...(raw.profile !== undefined ? { profile: raw.profile } : {}),
  };
}
