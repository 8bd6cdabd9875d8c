export {
  FEATURE_STAGES,
  type FeatureStage,
  type WireFeatureStage,
  stageLabel,
  wireStage,
} from "./stage.js";
export {
  FEATURES,
  type FeatureKey,
  type FeatureSpec,
  featureByKey,
  isCanonicalFeatureKey,
  knownFeatureNames,
} from "./registry.js";
export { UnknownFeatureError, suggestFeature, validateFeatureName } from "./unknown-feature-error.js";
export {
  type FeatureState,
  type ResolveFeaturesInput,
  type ResolvedFeatures,
  resolveFeatures,
} from "./resolve.js";
export { type FeatureFlags, featureOverridesFromFlags } from "./flags.js";
export { type FeatureTableRow, formatFeatureTable } from "./format.js";
