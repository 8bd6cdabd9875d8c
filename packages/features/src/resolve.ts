import { FEATURES, type FeatureKey, type FeatureSpec, featureByKey } from "./registry.js";
import type { FeatureStage } from "./stage.js";
import { suggestFeature, validateFeatureName } from "./unknown-feature-error.js";

/** Inputs of a feature resolution, lowest precedence first. */
export interface ResolveFeaturesInput {
  /** The merged `[features]` table of the config stack (user, project, `-c` flags, ...). */
  features?: Record<string, unknown>;
  /** The `[features]` table of the active profile. */
  profileFeatures?: Record<string, unknown>;
  /** Name of the active profile; only used to word warnings. */
  profileName?: string;
  /** `--enable NAME` flags, applied after both tables. */
  enable?: readonly string[];
  /** `--disable NAME` flags, applied last. */
  disable?: readonly string[];
}

/** The effective state of one feature. */
export interface FeatureState {
  name: FeatureKey;
  stage: FeatureStage;
  defaultEnabled: boolean;
  enabled: boolean;
  description: string;
}

/** The effective feature set after resolution. */
export interface ResolvedFeatures {
  /** Whether the feature is on. Legacy aliases are accepted; unknown names throw `UnknownFeatureError`. */
  isEnabled(key: FeatureKey): boolean;
  /** Every registered feature with its effective state, sorted by name. */
  list(): FeatureState[];
  /**
   * The table configured for a feature that accepts one (e.g. `[features.network_proxy]`), from the
   * highest-precedence source that gave a table; undefined when only booleans were given.
   */
  table(key: FeatureKey): Readonly<Record<string, unknown>> | undefined;
  /** Deprecation and no-effect notices to show the user, in the order they were found. */
  readonly warnings: string[];
}

interface Source {
  /** Wraps a feature name into the user-facing place it was set, e.g. `[features].x`. */
  label(name: string): string;
  /** Where unknown keys were found, e.g. `[features]`. */
  where: string;
}

/**
 * Resolves the effective feature set: built-in defaults, then the config `[features]` table, then the
 * profile's `[features]` table, then `--enable`, then `--disable`. Unknown keys in the tables are ignored
 * with a warning; unknown names in `enable` / `disable` throw `UnknownFeatureError`.
 */
export function resolveFeatures(input: ResolveFeaturesInput = {}): ResolvedFeatures {
  const enabled = new Map<string, boolean>(FEATURES.map((spec) => [spec.key, spec.defaultEnabled]));
  const tables = new Map<string, Readonly<Record<string, unknown>>>();
  const warnings = new Set<string>();

  // Validate the flags first so that a typo fails before any other work is reported.
  const enableKeys = (input.enable ?? []).map((name) => [name, validateFeatureName(name)] as const);
  const disableKeys = (input.disable ?? []).map((name) => [name, validateFeatureName(name)] as const);

  const profileWhere =
    input.profileName === undefined ? "the profile's [features]" : `[profiles.${input.profileName}.features]`;
  const sources: Array<[Record<string, unknown> | undefined, Source]> = [
    [input.features, { where: "[features]", label: (name) => `[features].${name}` }],
    [input.profileFeatures, { where: profileWhere, label: (name) => `${profileWhere}.${name}` }],
  ];

  for (const [table, source] of sources) {
    if (table === undefined) continue;
    for (const [name, value] of orderAliasesFirst(table)) {
      const spec = featureByKey(name);
      if (spec === undefined) {
        warnings.add(unknownKeyWarning(name, source.where));
        continue;
      }
      const state = interpretValue(value);
      if (state === undefined) {
        warnings.add(`\`${source.label(name)}\` must be a boolean or a table; the value is ignored`);
        continue;
      }
      if (isTable(value)) tables.set(spec.key, value);
      if (noteUsage(spec, name, source.label, warnings)) enabled.set(spec.key, state);
    }
  }

  const flagSources: Array<[ReadonlyArray<readonly [string, FeatureKey]>, boolean, string]> = [
    [enableKeys, true, "--enable"],
    [disableKeys, false, "--disable"],
  ];
  for (const [flags, state, flag] of flagSources) {
    for (const [name, key] of flags) {
      const spec = featureByKey(key)!;
      if (noteUsage(spec, name, (n) => `${flag} ${n}`, warnings)) enabled.set(spec.key, state);
    }
  }

  return {
    warnings: [...warnings],
    isEnabled(key) {
      return enabled.get(validateFeatureName(key))!;
    },
    table(key) {
      return tables.get(validateFeatureName(key));
    },
    list() {
      return FEATURES.map((spec) => ({
        name: spec.key as FeatureKey,
        stage: spec.stage,
        defaultEnabled: spec.defaultEnabled,
        enabled: enabled.get(spec.key)!,
        description: spec.description,
      }));
    },
  };
}

/**
 * Records the warnings for setting feature `spec` under `name`; returns false when the setting has no
 * effect (removed features keep their default).
 */
function noteUsage(
  spec: FeatureSpec,
  name: string,
  label: (name: string) => string,
  warnings: Set<string>,
): boolean {
  if (spec.stage === "removed") {
    const which = name === spec.key ? "" : ` (now \`${spec.key}\`)`;
    warnings.add(`\`${label(name)}\` has no effect: feature \`${name}\`${which} has been removed`);
    return false;
  }
  if (name !== spec.key) {
    warnings.add(`\`${label(name)}\` uses a legacy name; use \`${label(spec.key)}\` instead`);
  } else if (spec.stage === "deprecated") {
    const advice = spec.deprecationNote ?? "it may be removed in a future release.";
    warnings.add(`\`${label(name)}\` is deprecated: ${advice}`);
  }
  return true;
}

function unknownKeyWarning(name: string, where: string): string {
  const suggestion = suggestFeature(name);
  const hint = suggestion === undefined ? "" : `; did you mean \`${suggestion}\`?`;
  return `unknown feature \`${name}\` in ${where} is ignored${hint}`;
}

/** Table entries with legacy aliases first, so a canonical key in the same table wins over its alias. */
function orderAliasesFirst(table: Record<string, unknown>): Array<[string, unknown]> {
  const entries = Object.entries(table);
  const isAlias = ([name]: [string, unknown]) => {
    const spec = featureByKey(name);
    return spec !== undefined && spec.key !== name;
  };
  return [...entries.filter(isAlias), ...entries.filter((entry) => !isAlias(entry))];
}

/** `true`/`false`, or a table that counts as enabled unless it says `enabled = false`. */
function interpretValue(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (!isTable(value)) return undefined;
  if (!("enabled" in value)) return true;
  return typeof value.enabled === "boolean" ? value.enabled : undefined;
}

function isTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
