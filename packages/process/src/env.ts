/** Environment overrides: a string sets a variable, `null` (or `undefined`) unsets it. */
export type EnvOverrides = Readonly<Record<string, string | null | undefined>>;

/** A base environment as Node models it (values may be undefined). */
export type BaseEnv = Readonly<Record<string, string | undefined>>;

/**
 * The environment a child gets: `base` (default `process.env`) with `overrides` applied on top. Matching names
 * are replaced, `null` removes an inherited variable. On Windows names match case-insensitively, as there.
 */
export function buildEnv(base: BaseEnv = process.env, overrides: EnvOverrides = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined) env[name] = value;
  }
  const caseInsensitive = process.platform === "win32";
  for (const [name, value] of Object.entries(overrides)) {
    if (caseInsensitive) {
      for (const existing of Object.keys(env)) {
        if (existing.toUpperCase() === name.toUpperCase()) delete env[existing];
      }
    }
    if (value === null || value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
