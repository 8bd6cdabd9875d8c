/**
 * Lifecycle stage of a feature flag. The names are the camelCase wire names used by the app-server
 * (`ExperimentalFeatureStage`), plus `experimental` for features offered to users as opt-in previews.
 */
export type FeatureStage =
  | "underDevelopment"
  | "experimental"
  | "beta"
  | "stable"
  | "deprecated"
  | "removed";

/** Every stage, in lifecycle order. */
export const FEATURE_STAGES: readonly FeatureStage[] = Object.freeze([
  "underDevelopment",
  "experimental",
  "beta",
  "stable",
  "deprecated",
  "removed",
]);

const STAGE_LABELS: Readonly<Record<FeatureStage, string>> = Object.freeze({
  underDevelopment: "under development",
  experimental: "experimental",
  beta: "beta",
  stable: "stable",
  deprecated: "deprecated",
  removed: "removed",
});

/** The human-readable label of a stage, as printed by `codex features list`. */
export function stageLabel(stage: FeatureStage): string {
  return STAGE_LABELS[stage];
}

/** The stage names the app-server protocol accepts (`ExperimentalFeatureStage`). */
export type WireFeatureStage = "underDevelopment" | "beta" | "stable" | "deprecated" | "removed";

/** The app-server wire name of a stage: opt-in previews (`experimental`) are reported as `beta`. */
export function wireStage(stage: FeatureStage): WireFeatureStage {
  return stage === "experimental" ? "beta" : stage;
}
