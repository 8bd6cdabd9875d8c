import { validateFeatureName } from "./unknown-feature-error.js";

/** The `--enable` / `--disable` flags of a command line. */
export interface FeatureFlags {
  enable?: readonly string[];
  disable?: readonly string[];
}

/**
 * The `-c` overrides equivalent to `--enable` / `--disable` (`features.X=true|false`), with aliases
 * canonicalised. Disables come last so they win over an enable of the same feature. Throws
 * `UnknownFeatureError` for a name that is not a feature.
 */
export function featureOverridesFromFlags(flags: FeatureFlags): string[] {
  const enable = (flags.enable ?? []).map((name) => `features.${validateFeatureName(name)}=true`);
  const disable = (flags.disable ?? []).map((name) => `features.${validateFeatureName(name)}=false`);
  return [...enable, ...disable];
}
