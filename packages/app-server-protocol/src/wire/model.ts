// `model/list`: the models a client can pick from.
import type { ReasoningEffort } from "./reasoning.js";
import type { Int64, UInt32 } from "./scalars.js";

/** Kinds of input a model accepts. */
export type InputModality = "text" | "image" | "audio";

/** Multi-agent runtime a model is built for. */
export type MultiAgentVersion = "disabled" | "v1" | "v2";

/** Access programs that unlock a model. */
export type CyberAccessProgram = "standard" | "daybreakBlue" | "daybreakRed";

/** Access programs of a model. */
export interface ModelAccessPrograms {
  cyber: CyberAccessProgram[];
}

/** Notice shown when a model becomes available. */
export interface ModelAvailabilityNux {
  message: string;
}

/** A reasoning effort a model supports. */
export interface ReasoningEffortOption {
  reasoningEffort: ReasoningEffort;
  description: string;
}

/** A service tier a model can run in. */
export interface ModelServiceTier {
  id: string;
  name: string;
  description: string;
}

/** Suggested replacement for a model. */
export interface ModelUpgradeInfo {
  model: string;
  upgradeCopy?: string | null;
  modelLink?: string | null;
  migrationMarkdown?: string | null;
  /** When the old model is planned to be retired (Unix time), if known. */
  retirementAt?: Int64 | null;
}

/** A model offered to the user. */
export interface Model {
  id: string;
  model: string;
  displayName: string;
  description: string;
  /** Hidden models are left out of `model/list` unless `includeHidden` is set. */
  hidden: boolean;
  isDefault: boolean;
  /** Supported efforts, in the order they should be shown. */
  supportedReasoningEfforts: ReasoningEffortOption[];
  defaultReasoningEffort: ReasoningEffort;
  /** Defaults to text and image. */
  inputModalities?: InputModality[];
  /** Defaults to an empty list. */
  serviceTiers?: ModelServiceTier[];
  /** Default service tier id of this model, if any. */
  defaultServiceTier?: string | null;
  /** Older form of `serviceTiers`. Defaults to an empty list. */
  additionalSpeedTiers?: string[];
  /** Always false; kept for older clients. Defaults to false. */
  supportsPersonality?: boolean;
  modelSpecialty?: string | null;
  multiAgentVersion?: MultiAgentVersion | null;
  /** Null when the catalog says nothing about access programs. */
  availableAccessPrograms?: ModelAccessPrograms | null;
  availabilityNux?: ModelAvailabilityNux | null;
  /** Id of the suggested replacement model. */
  upgrade?: string | null;
  upgradeInfo?: ModelUpgradeInfo | null;
}

/** List models, one page at a time. */
export interface ModelListParams {
  /** Cursor from the previous page. */
  cursor?: string | null;
  /** Page size; the server picks one when omitted. */
  limit?: UInt32 | null;
  /** Include models that are normally hidden. */
  includeHidden?: boolean | null;
  /** List the models of this configured provider instead of the default one. */
  modelProvider?: string | null;
}

/** One page of models. */
export interface ModelListResponse {
  data: Model[];
  /** Cursor of the next page; absent or null on the last page. */
  nextCursor?: string | null;
}
