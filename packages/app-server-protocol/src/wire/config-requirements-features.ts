// Administrator constraints on individual features (camelCase keys).
import type { AllowDenyRequirement } from "./config-tools.js";
import type { ReasoningEffort } from "./reasoning.js";

/** Constraints on automatic approval review. */
export interface AutoReviewRequirements {
  ignoreRules?: string[] | null;
  requiredOnModels?: string[] | null;
}

/** How long a browser access approval lasts. */
export type BrowserUseAccessApprovalLifetime = "turn" | "thread";

/** An HTTP header the browser extension must send. */
export interface RequestHeader {
  name: string;
  value: string;
}

/** Constraints on the browser extension. */
export interface BrowserUseExtensionRequirements {
  requestHeaders?: RequestHeader[] | null;
}

/** Browser access rules for one origin. */
export interface BrowserUseOriginPolicy {
  access?: AllowDenyRequirement | null;
  accessApprovalLifetime?: BrowserUseAccessApprovalLifetime | null;
  autoReview?: AllowDenyRequirement | null;
  downloads?: AllowDenyRequirement | null;
  fullCdpAccess?: AllowDenyRequirement | null;
  persistentApproval?: boolean | null;
  uploads?: AllowDenyRequirement | null;
}

/** Constraints on browser use. */
export interface BrowserUseRequirements {
  allowGlobalPersistentApproval?: boolean | null;
  allowHistoryAccess?: boolean | null;
  allowWebmcp?: boolean | null;
  defaultOriginPolicy?: BrowserUseOriginPolicy | null;
  disableAutoReview?: boolean | null;
  extension?: BrowserUseExtensionRequirements | null;
  /** Rules per origin. */
  origins?: { [origin: string]: BrowserUseOriginPolicy } | null;
}

/** Computer-use constraints for macOS applications. */
export interface ComputerUseMacosRequirements {
  bundleIds?: { [bundleId: string]: AllowDenyRequirement } | null;
}

/** Computer-use constraint for one Windows executable. */
export interface ComputerUseWindowsExeRequirement {
  access: AllowDenyRequirement;
  productName: string;
  publisherName: string;
  binaryName?: string | null;
}

/** Computer-use constraints for Windows applications. */
export interface ComputerUseWindowsRequirements {
  aumids?: { [aumid: string]: AllowDenyRequirement } | null;
  exes?: ComputerUseWindowsExeRequirement[] | null;
}

/** Constraints on computer use. */
export interface ComputerUseRequirements {
  allowLockedComputerUse?: boolean | null;
  allowPersistentApproval?: boolean | null;
  defaultAppAccess?: AllowDenyRequirement | null;
  macos?: ComputerUseMacosRequirements | null;
  windows?: ComputerUseWindowsRequirements | null;
}

/** Constraints on sending feedback. */
export interface FeedbackRequirements {
  enabled?: boolean | null;
}

/** Constraints on the in-app browser. */
export interface InAppBrowserRequirements {
  allowExternalBrowserSettingsImport?: boolean | null;
}

/** Model settings new threads start with. */
export interface NewThreadModelDefaults {
  model?: string | null;
  modelReasoningEffort?: ReasoningEffort | null;
  serviceTier?: string | null;
}

/** Constraints on model selection. */
export interface ModelsRequirements {
  newThread?: NewThreadModelDefaults | null;
}
