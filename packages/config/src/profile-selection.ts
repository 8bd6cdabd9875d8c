import { ConfigError } from "./diagnostics.js";
import { formatTomlKey } from "./key-path.js";
import { isTomlTable, type TomlTable } from "./toml-value.js";

/** The profile to apply and its table. */
export interface SelectedProfile {
  name: string;
  table: TomlTable;
}

/**
 * Picks the profile named by `requested` (`--profile`) or else by the merged `profile` key, and returns its
 * `[profiles.<name>]` table. Throws `CONFIG_UNKNOWN_PROFILE` when no such profile is defined. A profile
 * that is not a table yields an empty table here; validation reports it.
 */
export function selectProfile(requested: string | undefined, merged: TomlTable): SelectedProfile | undefined {
  const name = requested ?? (typeof merged.profile === "string" ? merged.profile : undefined);
  if (name === undefined) {
    return undefined;
  }
  const profiles = merged.profiles;
  if (isTomlTable(profiles) && Object.hasOwn(profiles, name)) {
    const table = profiles[name];
    return { name, table: isTomlTable(table) ? table : {} };
  }
  const known = isTomlTable(profiles) ? Object.keys(profiles) : [];
  const hint =
    known.length > 0
      ? `choose one of ${known.map((profile) => `\`${profile}\``).join(", ")}`
      : `define it in a [profiles.${formatTomlKey(name)}] table in config.toml`;
  throw new ConfigError("CONFIG_UNKNOWN_PROFILE", `config profile \`${name}\` not found; ${hint}`, {
    keyPath: `profiles.${name}`,
  });
}
