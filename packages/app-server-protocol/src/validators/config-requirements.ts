// Validators of `configRequirements/read`.
import { z } from "zod";
import type {
  AutoReviewRequirements,
  BrowserUseAccessApprovalLifetime,
  BrowserUseExtensionRequirements,
  BrowserUseOriginPolicy,
  BrowserUseRequirements,
  CliAuthCredentialsStoreMode,
  ComputerUseMacosRequirements,
  ComputerUseRequirements,
  ComputerUseWindowsExeRequirement,
  ComputerUseWindowsRequirements,
  ConfigRequirements,
  ConfigRequirementsReadResponse,
  FeedbackRequirements,
  InAppBrowserRequirements,
  ModelsRequirements,
  NewThreadModelDefaults,
  RequestHeader,
  ResidencyRequirement,
  WindowsSandboxImplementation,
} from "../wire/index.js";
import { allowDenyRequirementSchema, reasoningEffortSchema, webSearchModeSchema } from "./common.js";
import {
  applicationRequirementsSchema,
  managedHooksRequirementsSchema,
  networkRequirementsSchema,
} from "./config-requirements-managed.js";
import { otelRequirementsSchema } from "./config-requirements-otel.js";
import { forcedLoginMethodSchema } from "./config-read.js";
import { exact, jsonValue, nullish } from "./exact.js";
import { approvalsReviewerSchema, askForApprovalSchema, sandboxModeSchema } from "./sandbox.js";

const allowDenyMap = z.record(z.string(), allowDenyRequirementSchema);

export const autoReviewRequirementsSchema = exact<AutoReviewRequirements>()(
  z.object({ ignoreRules: nullish(z.array(z.string())), requiredOnModels: nullish(z.array(z.string())) }),
);
export const browserUseAccessApprovalLifetimeSchema = exact<BrowserUseAccessApprovalLifetime>()(
  z.enum(["turn", "thread"]),
);
export const requestHeaderSchema = exact<RequestHeader>()(z.object({ name: z.string(), value: z.string() }));
export const browserUseExtensionRequirementsSchema = exact<BrowserUseExtensionRequirements>()(
  z.object({ requestHeaders: nullish(z.array(requestHeaderSchema)) }),
);
export const browserUseOriginPolicySchema = exact<BrowserUseOriginPolicy>()(
  z.object({
    access: nullish(allowDenyRequirementSchema),
    accessApprovalLifetime: nullish(browserUseAccessApprovalLifetimeSchema),
    autoReview: nullish(allowDenyRequirementSchema),
    downloads: nullish(allowDenyRequirementSchema),
    fullCdpAccess: nullish(allowDenyRequirementSchema),
    persistentApproval: nullish(z.boolean()),
    uploads: nullish(allowDenyRequirementSchema),
  }),
);
export const browserUseRequirementsSchema = exact<BrowserUseRequirements>()(
  z.object({
    allowGlobalPersistentApproval: nullish(z.boolean()),
    allowHistoryAccess: nullish(z.boolean()),
    allowWebmcp: nullish(z.boolean()),
    defaultOriginPolicy: nullish(browserUseOriginPolicySchema),
    disableAutoReview: nullish(z.boolean()),
    extension: nullish(browserUseExtensionRequirementsSchema),
    origins: nullish(z.record(z.string(), browserUseOriginPolicySchema)),
  }),
);
export const computerUseMacosRequirementsSchema = exact<ComputerUseMacosRequirements>()(
  z.object({ bundleIds: nullish(allowDenyMap) }),
);
export const computerUseWindowsExeRequirementSchema = exact<ComputerUseWindowsExeRequirement>()(
  z.object({
    access: allowDenyRequirementSchema,
    productName: z.string(),
    publisherName: z.string(),
    binaryName: nullish(z.string()),
  }),
);
export const computerUseWindowsRequirementsSchema = exact<ComputerUseWindowsRequirements>()(
  z.object({ aumids: nullish(allowDenyMap), exes: nullish(z.array(computerUseWindowsExeRequirementSchema)) }),
);
export const computerUseRequirementsSchema = exact<ComputerUseRequirements>()(
  z.object({
    allowLockedComputerUse: nullish(z.boolean()),
    allowPersistentApproval: nullish(z.boolean()),
    defaultAppAccess: nullish(allowDenyRequirementSchema),
    macos: nullish(computerUseMacosRequirementsSchema),
    windows: nullish(computerUseWindowsRequirementsSchema),
  }),
);
export const feedbackRequirementsSchema = exact<FeedbackRequirements>()(z.object({ enabled: nullish(z.boolean()) }));
export const inAppBrowserRequirementsSchema = exact<InAppBrowserRequirements>()(
  z.object({ allowExternalBrowserSettingsImport: nullish(z.boolean()) }),
);
export const newThreadModelDefaultsSchema = exact<NewThreadModelDefaults>()(
  z.object({
    model: nullish(z.string()),
    modelReasoningEffort: nullish(reasoningEffortSchema),
    serviceTier: nullish(z.string()),
  }),
);
export const modelsRequirementsSchema = exact<ModelsRequirements>()(
  z.object({ newThread: nullish(newThreadModelDefaultsSchema) }),
);

export const cliAuthCredentialsStoreModeSchema = exact<CliAuthCredentialsStoreMode>()(
  z.enum(["file", "keyring", "auto", "ephemeral"]),
);
export const residencyRequirementSchema = exact<ResidencyRequirement>()(z.enum(["us"]));
export const windowsSandboxImplementationSchema = exact<WindowsSandboxImplementation>()(
  z.enum(["elevated", "unelevated", "mxc"]),
);

export const configRequirementsSchema = exact<ConfigRequirements>()(
  z.object({
    allowedApprovalPolicies: nullish(z.array(askForApprovalSchema)),
    allowedApprovalsReviewers: nullish(z.array(approvalsReviewerSchema)),
    allowedSandboxModes: nullish(z.array(sandboxModeSchema)),
    allowedWindowsSandboxImplementations: nullish(z.array(windowsSandboxImplementationSchema)),
    allowedWebSearchModes: nullish(z.array(webSearchModeSchema)),
    allowedLoginMethods: nullish(z.array(forcedLoginMethodSchema)),
    allowedPermissionProfiles: nullish(z.record(z.string(), z.boolean())),
    defaultPermissions: nullish(z.string()),
    additionalDeveloperInstructions: nullish(z.string()),
    allowAppshots: nullish(z.boolean()),
    allowBrowserAndComputerUse: nullish(z.boolean()),
    allowLoginShell: nullish(z.boolean()),
    allowManagedHooksOnly: nullish(z.boolean()),
    allowRemoteControl: nullish(z.boolean()),
    autoReview: nullish(autoReviewRequirementsSchema),
    browserUse: nullish(browserUseRequirementsSchema),
    chatgptBaseUrl: nullish(z.string()),
    checkForUpdateOnStartup: nullish(z.boolean()),
    cliAuthCredentialsStore: nullish(cliAuthCredentialsStoreModeSchema),
    computerUse: nullish(computerUseRequirementsSchema),
    enforceResidency: nullish(residencyRequirementSchema),
    featureRequirements: nullish(z.record(z.string(), z.boolean())),
    feedback: nullish(feedbackRequirementsSchema),
    inAppBrowser: nullish(inAppBrowserRequirementsSchema),
    logDir: nullish(z.string()),
    modelCatalogJson: nullish(z.string()),
    modelProvider: nullish(z.string()),
    modelProviders: nullish(z.record(z.string(), jsonValue)),
    models: nullish(modelsRequirementsSchema),
    otel: nullish(otelRequirementsSchema),
    sqliteHome: nullish(z.string()),
    hooks: nullish(managedHooksRequirementsSchema),
    network: nullish(networkRequirementsSchema),
    application: nullish(applicationRequirementsSchema),
  }),
);

export const configRequirementsReadResponseSchema = exact<ConfigRequirementsReadResponse>()(
  z.object({ requirements: nullish(configRequirementsSchema), supportsIndependentSpeedModes: nullish(z.boolean()) }),
);
