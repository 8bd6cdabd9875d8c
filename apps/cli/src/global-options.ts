import type { CommandUnknownOpts } from "@commander-js/extra-typings";

/** Options accepted by every command, before or after the subcommand name. */
export interface GlobalOptions {
  config: string[];
  /** `--enable X` / `--disable X` in command-line order, so the last mention of a feature wins. */
  featureToggles: FeatureToggle[];
  profile?: string;
}

export interface FeatureToggle {
  name: string;
  enabled: boolean;
  /** Position among all toggles parsed so far; commander keeps one list per option, this restores the order. */
  order: number;
}

let toggleCount = 0;

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const toggle =
  (enabled: boolean) =>
  (name: string, previous: FeatureToggle[]): FeatureToggle[] => {
    toggleCount += 1;
    return [...previous, { name, enabled, order: toggleCount }];
  };

/** Declares `-c/--config`, `--enable`, `--disable` and `-p/--profile` on the root command. */
export function addGlobalOptions<C extends CommandUnknownOpts>(command: C) {
  return command
    .option(
      "-c, --config <key=value>",
      "override a config value (dotted key path; the value is parsed as TOML, else taken as a string); repeatable",
      collect,
      [] as string[],
    )
    .option("--enable <FEATURE>", "enable a feature (repeatable); same as -c features.<name>=true", toggle(true), [] as FeatureToggle[])
    .option("--disable <FEATURE>", "disable a feature (repeatable); same as -c features.<name>=false", toggle(false), [] as FeatureToggle[])
    .option("-p, --profile <NAME>", "use the [profiles.NAME] table of config.toml");
}

/** Reads the global options as seen by any (sub)command. */
export function globalOptionsOf(command: { optsWithGlobals(): object }): GlobalOptions {
  const raw = command.optsWithGlobals() as {
    config?: string[];
    enable?: FeatureToggle[];
    disable?: FeatureToggle[];
    profile?: string;
  };
  return {
    config: raw.config ?? [],
    featureToggles: [...(raw.enable ?? []), ...(raw.disable ?? [])].sort((a, b) => a.order - b.order),
    ...(raw.profile !== undefined ? { profile: raw.profile } : {}),
  };
}
