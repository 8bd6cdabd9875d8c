import type { LoadedConfig } from "@codex-ts/config";
import type { GlobalOptions } from "./global-options.js";
import type { CliIo } from "./io.js";

/** `-c` flags followed by `--enable/--disable` as `features.<name>=...`, in command-line order. */
export async function configOverridesFromGlobals(options: GlobalOptions): Promise<string[]> {
  if (options.featureToggles.length === 0) return [...options.config];
  const { featureOverridesFromFlags } = await import("@codex-ts/features");
  return [
    ...options.config,
    ...options.featureToggles.flatMap((toggle) =>
      featureOverridesFromFlags(toggle.enabled ? { enable: [toggle.name] } : { disable: [toggle.name] }),
    ),
  ];
}

/**
 * Loads the layered config the way every command sees it: `--enable/--disable` become `-c features.X=...`
 * overrides after the user's own `-c` flags. Config warnings go to stderr.
 */
export async function loadCliConfig(options: GlobalOptions, io: CliIo): Promise<LoadedConfig> {
  // Loaded on first use so that commands which need no config (--version, --help) start fast.
  const [{ loadConfig, resolveCodexHome }, { absolutePath }, overrides] = await Promise.all([
    import("@codex-ts/config"),
    import("@codex-ts/utils-absolute-path"),
    configOverridesFromGlobals(options),
  ]);
  const codexHome = await resolveCodexHome({ env: io.env });
  const loaded = await loadConfig({
    codexHome,
    cwd: absolutePath(io.cwd),
    overrides,
    env: io.env,
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
  });
  for (const warning of loaded.warnings) {
    io.stderr(`warning: ${warning.summary}\n`);
  }
  return loaded;
}
