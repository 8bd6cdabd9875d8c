import os from "node:os";
import path from "node:path";
import { absolutePath, joinAbsolutePath, parentOf, type AbsolutePath } from "@codex-ts/utils-absolute-path";
import type { ConfigWarning } from "./diagnostics.js";
import { IssueLocator, type LayerRecord } from "./issue-location.js";
import { fileVersion, tableVersion, type ConfigLayer, type ConfigOrigin } from "./layer-source.js";
import { ConfigLayerStack } from "./layer-stack.js";
import { mergeTables } from "./merge.js";
import { overridesToTable, parseConfigOverride, type ConfigOverride } from "./overrides.js";
import { resolveConfigPaths } from "./path-resolution.js";
import { loadProjectRecords } from "./project-records.js";
import { selectProfile } from "./profile-selection.js";
import { readLayerRecord } from "./layer-record.js";
import { readConfigFile } from "./read-config-file.js";
import type { ConfigToml } from "./schema/config-toml.js";
import { NoopThreadConfigLoader, type ThreadConfigLoader } from "./thread-config-loader.js";
import { getTomlPath, isTomlTable, type TomlTable } from "./toml-value.js";
import { findUnknownKeys } from "./unknown-keys.js";
import { validateConfigTable } from "./validation.js";

/** Default folder for the system config, used unless `systemConfigDir` or `CODEX_SYSTEM_CONFIG_DIR` is set. */
export const DEFAULT_SYSTEM_CONFIG_DIR = "/etc/codex";

export interface LoadConfigOptions {
  /** The Codex home folder (see `resolveCodexHome`). */
  codexHome: AbsolutePath;
  /** Folder the session works in, used to find project layers; defaults to `process.cwd()`. */
  cwd?: AbsolutePath;
  /** Folder of the system config; defaults to `$CODEX_SYSTEM_CONFIG_DIR` when set, else `/etc/codex`. */
  systemConfigDir?: AbsolutePath;
  /** Profile to apply (`--profile`); defaults to the merged `profile` key. */
  profile?: string;
  /** Raw `-c key=value` flags, in command-line order. */
  overrides?: readonly string[];
  /** Supplies thread-config layers (highest precedence). */
  threadConfigLoader?: ThreadConfigLoader;
  /** Make unknown keys errors instead of warnings. */
  strict?: boolean;
  /** Environment (for `CODEX_SYSTEM_CONFIG_DIR` and `HOME`); defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** The result of loading: every layer, the merged table, the validated model and where values came from. */
export interface LoadedConfig {
  readonly codexHome: AbsolutePath;
  readonly cwd: AbsolutePath;
  /** Project root found from `cwd` via `project_root_markers`. */
  readonly projectRoot: AbsolutePath;
  /** The applied profile, if any. */
  readonly profile: string | null;
  /** Layers, lowest precedence first, including disabled ones. */
  readonly layers: readonly ConfigLayer[];
  /** The merged table as written (relative paths unresolved, unknown keys kept). */
  readonly merged: TomlTable;
  /** The merged config, validated, with path values made absolute. */
  readonly config: ConfigToml;
  readonly warnings: readonly ConfigWarning[];
  /** Every leaf key path of `merged` (dotted, unquoted) mapped to the layer that set it. */
  origins(): Record<string, ConfigOrigin>;
  /** The layer that set the value at `path` (for a table: the highest layer that set anything in it). */
  originOf(path: readonly (string | number)[]): ConfigOrigin | undefined;
}

/**
 * Loads the layered configuration. Lowest to highest precedence: system `config.toml`, managed
 * `managed_config.toml` files, user `$CODEX_HOME/config.toml`, project `.codex/config.toml` files (trusted
 * projects only), the selected profile, `-c` flags, thread-config layers.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const env = options.env ?? process.env;
  const codexHome = options.codexHome;
  const cwd = options.cwd ?? absolutePath(process.cwd());
  const home = env.HOME !== undefined && env.HOME !== "" ? env.HOME : os.homedir();
  const systemDir = options.systemConfigDir ?? systemConfigDirFromEnv(env);
  const userFile = joinAbsolutePath(codexHome, "config.toml");
  const warnings: ConfigWarning[] = [];

  const records: LayerRecord[] = [];
  await pushFileRecord(records, joinAbsolutePath(systemDir, "config.toml"), (file) => ({ type: "system", file }));
  for (const managed of [joinAbsolutePath(systemDir, "managed_config.toml"), joinAbsolutePath(codexHome, "managed_config.toml")]) {
    await pushFileRecord(records, managed, (file) => ({ type: "legacyManagedConfigTomlFromFile", file }));
  }
  const user = await readConfigFile(userFile);
  records.push({
    kind: "file",
    file: userFile,
    text: user?.text ?? "",
    layer: {
      source: { type: "user", file: userFile, profile: null },
      config: user?.table ?? {},
      version: fileVersion(user?.bytes ?? ""),
    },
  });

  const base = new ConfigLayerStack(records.map((record) => record.layer)).merged;
  const project = await loadProjectRecords({ base, cwd, codexHome, userFile, warnings });
  records.push(...project.records);

  const overrides = (options.overrides ?? []).map((raw) => ({ raw, ...parseConfigOverride(raw) }));
  const flags: LayerRecord | undefined =
    overrides.length === 0 ? undefined : flagsRecord(overrides);
  const profile = selectProfile(
    options.profile,
    new ConfigLayerStack([...records, ...(flags ? [flags] : [])].map((record) => record.layer)).merged,
  );
  if (profile !== undefined) {
    records.push({
      kind: "profile",
      name: profile.name,
      layer: {
        source: { type: "user", file: userFile, profile: profile.name },
        config: profile.table,
        version: tableVersion(profile.table),
      },
    });
  }
  if (flags !== undefined) {
    records.push(flags);
  }
  const loader = options.threadConfigLoader ?? new NoopThreadConfigLoader();
  for (const thread of await loader.load({ cwd })) {
    records.push({
      kind: "thread",
      id: thread.id,
      layer: { source: { type: "threadConfig", id: thread.id }, config: thread.config, version: tableVersion(thread.config) },
    });
  }

  const stack = new ConfigLayerStack(records.map((record) => record.layer));
  const locator = new IssueLocator(records);
  const validation = validateConfigTable(resolvedMerge(records, { cwd, home, profile: profile?.name }));
  if (!validation.ok) {
    throw locator.errorFor(validation.issues[0]!, stack);
  }
  for (const record of records) {
    if (record.kind === "profile" || record.layer.disabledReason !== undefined) {
      continue;
    }
    for (const unknown of findUnknownKeys(record.layer.config)) {
      if (options.strict === true) {
        throw locator.unknownKeyError(record, unknown);
      }
      warnings.push(locator.unknownKeyWarning(record, unknown));
    }
  }

  return {
    codexHome,
    cwd,
    projectRoot: project.root,
    profile: profile?.name ?? null,
    layers: stack.layers,
    merged: stack.merged,
    config: validation.config,
    warnings,
    origins: () => stack.origins(),
    originOf: (keyPath) => stack.originOf(keyPath),
  };
}

function systemConfigDirFromEnv(env: NodeJS.ProcessEnv): AbsolutePath {
  const configured = env.CODEX_SYSTEM_CONFIG_DIR;
  return absolutePath(configured !== undefined && configured !== "" ? path.resolve(configured) : DEFAULT_SYSTEM_CONFIG_DIR);
}

async function pushFileRecord(
  records: LayerRecord[],
  file: AbsolutePath,
  source: (file: AbsolutePath) => ConfigLayer["source"],
): Promise<void> {
  const record = await readLayerRecord(file, source(file));
  if (record !== undefined) records.push(record);
}

function flagsRecord(overrides: ReadonlyArray<ConfigOverride & { raw: string }>): LayerRecord {
  const table = overridesToTable(overrides);
  return {
    kind: "flags",
    overrides,
    layer: { source: { type: "sessionFlags" }, config: table, version: tableVersion(table) },
  };
}

/**
 * Merges the enabled layers with path values made absolute against each layer's own folder (the file's
 * folder; `cwd` for flags and thread config). The profile layer is taken from the resolved layers below.
 */
function resolvedMerge(
  records: readonly LayerRecord[],
  context: { cwd: AbsolutePath; home: string; profile: string | undefined },
): TomlTable {
  const resolved = records
    .filter((record) => record.layer.disabledReason === undefined)
    .map((record) => ({
      record,
      table:
        record.kind === "file"
          ? resolveConfigPaths(record.layer.config, parentOf(absolutePath(record.file)), context.home)
          : record.kind === "profile"
            ? {}
            : resolveConfigPaths(record.layer.config, context.cwd, context.home),
    }));
  if (context.profile !== undefined) {
    const withoutProfile = resolved
      .filter(({ record }) => record.kind !== "profile" && record.kind !== "thread")
      .reduce((merged, { table }) => mergeTables(merged, table), {} as TomlTable);
    const entry = resolved.find(({ record }) => record.kind === "profile");
    const table = getTomlPath(withoutProfile, ["profiles", context.profile]);
    if (entry !== undefined && isTomlTable(table)) {
      entry.table = table;
    }
  }
  return resolved.reduce((merged, { table }) => mergeTables(merged, table), {} as TomlTable);
}
