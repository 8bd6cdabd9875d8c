import { type Command, Command as CommandClass } from "@commander-js/extra-typings";
import { globalOptionsOf } from "../global-options.js";
import type { CliIo } from "../io.js";
import { loadCliConfig } from "../load-config.js";

/** `codex debug ...`: tools for looking inside Codex. */
export function debugCommand(io: CliIo): Command {
  const debug = new CommandClass("debug").description("Debugging tools");

  debug
    .command("config")
    .description("Print the effective config and, for each key, the layer that set it")
    .option("--json", "print {config, origins, layers} as JSON (layers highest precedence first)")
    .action(async (options, command) => {
      const loaded = await loadCliConfig(globalOptionsOf(command), io);
      const { describeConfigLayers, describeLayerSource, flattenConfig, formatTomlValue } = await import("@codex-ts/config");
      if (options.json) {
        const layers = [...loaded.layers].reverse().map((layer) => ({
          name: layer.source,
          version: layer.version,
          config: layer.config,
          disabledReason: layer.disabledReason ?? null,
        }));
        const origins = Object.fromEntries(
          Object.entries(loaded.origins()).map(([key, origin]) => [key, { name: origin.source, version: origin.version }]),
        );
        io.stdout(`${JSON.stringify({ config: loaded.merged, origins, layers }, null, 2)}\n`);
        return;
      }
      io.stdout(describeConfigLayers(loaded.layers));
      const origins = loaded.origins();
      const rows = flattenConfig(loaded.merged).map(({ key, value }) => ({
        assignment: `${key} = ${formatTomlValue(value)}`,
        origin: origins[key] ? describeLayerSource(origins[key].source) : "default",
      }));
      const width = Math.min(60, Math.max(0, ...rows.map((row) => row.assignment.length)));
      io.stdout("\n# effective config\n");
      for (const row of rows) {
        io.stdout(`${row.assignment.padEnd(width)}  # ${row.origin}\n`);
      }
    });
  return debug;
}
