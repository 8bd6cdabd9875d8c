import { type Command, Command as CommandClass } from "@commander-js/extra-typings";
import { globalOptionsOf } from "../global-options.js";
import type { CliIo } from "../io.js";
import { loadCliConfig } from "../load-config.js";

/** `codex features list|enable|disable`. */
export function featuresCommand(io: CliIo): Command {
  const features = new CommandClass("features").description("Inspect and toggle feature flags");

  features
    .command("list")
    .description("List known features with their stage and effective state")
    .option("--json", "print the list as JSON")
    .action(async (options, command) => {
      const loaded = await loadCliConfig(globalOptionsOf(command), io);
      const { formatFeatureTable, resolveFeatures } = await import("@codex-ts/features");
      const resolved = resolveFeatures({ features: featureTableOf(loaded.merged) });
      for (const warning of resolved.warnings) io.stderr(`warning: ${warning}\n`);
      const list = resolved.list();
      if (options.json) {
        io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      } else {
        io.stdout(formatFeatureTable(list));
      }
    });

  for (const [name, enabled] of [
    ["enable", true],
    ["disable", false],
  ] as const) {
    features
      .command(name)
      .description(`${enabled ? "Enable" : "Disable"} a feature in $CODEX_HOME/config.toml (in the profile's table with --profile)`)
      .argument("<FEATURE>", "feature key")
      .action(async (feature, _options, command) => {
        const { profile } = globalOptionsOf(command);
        const [{ ConfigEdits, resolveCodexHome }, { featureByKey, validateFeatureName }] = await Promise.all([
          import("@codex-ts/config"),
          import("@codex-ts/features"),
        ]);
        validateFeatureName(feature);
        const key = featureByKey(feature)?.key ?? feature;
        const codexHome = await resolveCodexHome({ env: io.env });
        const file = `${codexHome}/config.toml`;
        const path = profile === undefined ? ["features", key] : ["profiles", profile, "features", key];
        await new ConfigEdits(file).set(path, enabled).apply();
        io.stdout(`${enabled ? "Enabled" : "Disabled"} feature \`${key}\` in ${file}${profile === undefined ? "" : ` (profile ${profile})`}\n`);
      });
  }
  return features;
}

function featureTableOf(merged: Record<string, unknown>): Record<string, unknown> | undefined {
  const table = merged.features;
  return table !== null && typeof table === "object" && !Array.isArray(table)
    ? (table as Record<string, unknown>)
    : undefined;
}
