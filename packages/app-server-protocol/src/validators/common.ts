// Validators of small types shared by several areas: reasoning settings, web search, browser and
// computer-use settings.
import { z } from "zod";
import type {
  AllowDenyRequirement,
  BrowserUseConfig,
  BrowserUseOriginPolicyConfig,
  ComputerUseConfig,
  ComputerUseMacosConfig,
  ComputerUseWindowsConfig,
  ComputerUseWindowsExeConfig,
  ReasoningEffort,
  ReasoningSummary,
  Verbosity,
  WebSearchContextSize,
  WebSearchLocation,
  WebSearchMode,
  WebSearchProvider,
  WebSearchToolConfig,
} from "../wire/index.js";
import { exact, nullish } from "./exact.js";

export const reasoningEffortSchema = exact<ReasoningEffort>()(z.string().min(1));
export const reasoningSummarySchema = exact<ReasoningSummary>()(z.enum(["auto", "concise", "detailed", "none"]));
export const verbositySchema = exact<Verbosity>()(z.enum(["low", "medium", "high"]));

export const webSearchModeSchema = exact<WebSearchMode>()(z.enum(["disabled", "cached", "indexed", "live"]));
export const webSearchProviderSchema = exact<WebSearchProvider>()(z.enum(["standalone", "search_mcp"]));
export const webSearchContextSizeSchema = exact<WebSearchContextSize>()(z.enum(["low", "medium", "high"]));
export const webSearchLocationSchema = exact<WebSearchLocation>()(
  z.object({
    country: nullish(z.string()),
    region: nullish(z.string()),
    city: nullish(z.string()),
    timezone: nullish(z.string()),
  }),
);
export const webSearchToolConfigSchema = exact<WebSearchToolConfig>()(
  z.object({
    context_size: nullish(webSearchContextSizeSchema),
    allowed_domains: nullish(z.array(z.string())),
    location: nullish(webSearchLocationSchema),
  }),
);

export const allowDenyRequirementSchema = exact<AllowDenyRequirement>()(z.enum(["allow", "deny"]));
const allowDenyMap = z.record(z.string(), allowDenyRequirementSchema);

export const browserUseOriginPolicyConfigSchema = exact<BrowserUseOriginPolicyConfig>()(
  z.object({
    access: nullish(allowDenyRequirementSchema),
    downloads: nullish(allowDenyRequirementSchema),
    uploads: nullish(allowDenyRequirementSchema),
    full_cdp_access: nullish(allowDenyRequirementSchema),
  }),
);
export const browserUseConfigSchema = exact<BrowserUseConfig>()(
  z.object({
    allow_history_access: nullish(z.boolean()),
    default_origin_policy: nullish(browserUseOriginPolicyConfigSchema),
    origins: nullish(z.record(z.string(), browserUseOriginPolicyConfigSchema)),
  }),
);

export const computerUseMacosConfigSchema = exact<ComputerUseMacosConfig>()(
  z.object({ bundle_ids: nullish(allowDenyMap) }),
);
export const computerUseWindowsExeConfigSchema = exact<ComputerUseWindowsExeConfig>()(
  z.object({
    access: allowDenyRequirementSchema,
    product_name: z.string(),
    publisher_name: z.string(),
    binary_name: nullish(z.string()),
  }),
);
export const computerUseWindowsConfigSchema = exact<ComputerUseWindowsConfig>()(
  z.object({ aumids: nullish(allowDenyMap), exes: nullish(z.array(computerUseWindowsExeConfigSchema)) }),
);
export const computerUseConfigSchema = exact<ComputerUseConfig>()(
  z.object({
    default_app_access: nullish(allowDenyRequirementSchema),
    macos: nullish(computerUseMacosConfigSchema),
    windows: nullish(computerUseWindowsConfigSchema),
  }),
);
