// Model reasoning and output settings shared by config and model listings.

/**
 * Reasoning effort level, such as `low`, `medium` or `high`. Open-ended: each model lists the levels it
 * supports in `model/list`.
 * @minLength 1
 */
export type ReasoningEffort = string;

/** How much of the model's reasoning is summarised. */
export type ReasoningSummary = "auto" | "concise" | "detailed" | "none";

/** Requested length of model output. */
export type Verbosity = "low" | "medium" | "high";
