// `configRequirements/read`: constraints imposed by administrators (requirements.toml, device management).
import type { ApplicationRequirements, ManagedHooksRequirements, NetworkRequirements } from "./config-requirements-managed.js";
import type {
  AutoReviewRequirements,
  BrowserUseRequirements,
  ComputerUseRequirements,
  FeedbackRequirements,
  InAppBrowserRequirements,
  ModelsRequirements,
} from "./config-requirements-features.js";
import type { OtelRequirements } from "./config-requirements-otel.js";
import type { ForcedLoginMethod } from "./config-read.js";
import type { ApprovalsReviewer, AskForApproval, SandboxMode } from "./sandbox.js";
import type { JsonValue } from "./scalars.js";
import type { WebSearchMode } from "./web-search.js";

/** Where credentials of the CLI are stored. */
export type CliAuthCredentialsStoreMode = "file" | "keyring" | "auto" | "ephemeral";

/** Data residency region that must be used. */
export type ResidencyRequirement = "us";

/** Sandbox implementations available on Windows. */
export type WindowsSandboxImplementation = "elevated" | "unelevated" | "mxc";

/** Administrator constraints. Every field is optional; an absent field imposes nothing. */
export interface ConfigRequirements {
  allowedApprovalPolicies?: AskForApproval[] | null;
  /**
   * Approval reviewers that may be selected.
   * @experimental
   */
  allowedApprovalsReviewers?: ApprovalsReviewer[] | null;
  allowedSandboxModes?: SandboxMode[] | null;
  allowedWindowsSandboxImplementations?: WindowsSandboxImplementation[] | null;
  allowedWebSearchModes?: WebSearchMode[] | null;
  /** Login methods still allowed after every restriction; an empty list allows none. */
  allowedLoginMethods?: ForcedLoginMethod[] | null;
  /** Permission profile ids and whether each may be used. */
  allowedPermissionProfiles?: { [profile: string]: boolean } | null;
  defaultPermissions?: string | null;
  additionalDeveloperInstructions?: string | null;
  allowAppshots?: boolean | null;
  allowBrowserAndComputerUse?: boolean | null;
  allowLoginShell?: boolean | null;
  allowManagedHooksOnly?: boolean | null;
  allowRemoteControl?: boolean | null;
  autoReview?: AutoReviewRequirements | null;
  browserUse?: BrowserUseRequirements | null;
  chatgptBaseUrl?: string | null;
  checkForUpdateOnStartup?: boolean | null;
  cliAuthCredentialsStore?: CliAuthCredentialsStoreMode | null;
  computerUse?: ComputerUseRequirements | null;
  enforceResidency?: ResidencyRequirement | null;
  /** Feature flags forced on or off, by feature key. */
  featureRequirements?: { [feature: string]: boolean } | null;
  feedback?: FeedbackRequirements | null;
  inAppBrowser?: InAppBrowserRequirements | null;
  logDir?: string | null;
  modelCatalogJson?: string | null;
  /** Model provider that must be used. */
  modelProvider?: string | null;
  /** Provider definitions that must be used, with config.toml key names. */
  modelProviders?: { [provider: string]: JsonValue } | null;
  models?: ModelsRequirements | null;
  otel?: OtelRequirements | null;
  sqliteHome?: string | null;
  /**
   * Managed lifecycle hooks.
   * @experimental
   */
  hooks?: ManagedHooksRequirements | null;
  /**
   * Managed network policy.
   * @experimental
   */
  network?: NetworkRequirements | null;
  /**
   * Requirements of the desktop application.
   * @experimental
   */
  application?: ApplicationRequirements | null;
}

/** Result of `configRequirements/read`. */
export interface ConfigRequirementsReadResponse {
  /** Null when no requirements are configured. */
  requirements?: ConfigRequirements | null;
  /** Whether the speed tiers are constrained separately; older servers leave this out. */
  supportsIndependentSpeedModes?: boolean | null;
}
