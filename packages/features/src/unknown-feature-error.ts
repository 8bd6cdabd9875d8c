import { closestMatch } from "./edit-distance.js";
import { FEATURES, type FeatureKey, featureByKey } from "./registry.js";

/** Thrown when `--enable` / `--disable` (or an API caller) names a feature that does not exist. */
export class UnknownFeatureError extends Error {
  readonly code = "UNKNOWN_FEATURE";
  /** The closest known feature key, when one is close enough to be a likely typo. */
  readonly suggestion: FeatureKey | undefined;

  constructor(readonly featureName: string) {
    const suggestion = suggestFeature(featureName);
    super(
      suggestion === undefined
        ? `unknown feature \`${featureName}\`; run \`codex features list\` to see the known features`
        : `unknown feature \`${featureName}\`; did you mean \`${suggestion}\`?`,
    );
    this.name = "UnknownFeatureError";
    this.suggestion = suggestion;
  }
}

/**
 * The canonical key of the feature whose name (or legacy alias) is closest to `name`, or undefined when
 * nothing is close.
 */
export function suggestFeature(name: string): FeatureKey | undefined {
  const candidates: string[] = [];
  for (const spec of FEATURES) {
    candidates.push(spec.key, ...(spec.legacyKeys ?? []));
  }
  const match = closestMatch(name, candidates);
  return match === undefined ? undefined : (featureByKey(match)!.key as FeatureKey);
}

/** Returns the canonical key for `name` (aliases resolve); throws `UnknownFeatureError` otherwise. */
export function validateFeatureName(name: string): FeatureKey {
  const spec = featureByKey(name);
  if (spec === undefined) {
    throw new UnknownFeatureError(name);
  }
  return spec.key as FeatureKey;
}
