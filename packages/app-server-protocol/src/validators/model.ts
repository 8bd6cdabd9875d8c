// Validators of `model/list` and `experimentalFeature/list`.
import { z } from "zod";
import type {
  CyberAccessProgram,
  ExperimentalFeature,
  ExperimentalFeatureListParams,
  ExperimentalFeatureListResponse,
  ExperimentalFeatureStage,
  InputModality,
  Model,
  ModelAccessPrograms,
  ModelAvailabilityNux,
  ModelListParams,
  ModelListResponse,
  ModelServiceTier,
  ModelUpgradeInfo,
  MultiAgentVersion,
  ReasoningEffortOption,
} from "../wire/index.js";
import { reasoningEffortSchema } from "./common.js";
import { exact, int64, nullish, uint32 } from "./exact.js";

export const experimentalFeatureStageSchema = exact<ExperimentalFeatureStage>()(
  z.enum(["beta", "underDevelopment", "stable", "deprecated", "removed"]),
);
export const experimentalFeatureSchema = exact<ExperimentalFeature>()(
  z.object({
    name: z.string(),
    stage: experimentalFeatureStageSchema,
    displayName: nullish(z.string()),
    description: nullish(z.string()),
    announcement: nullish(z.string()),
    enabled: z.boolean(),
    defaultEnabled: z.boolean(),
  }),
);
export const experimentalFeatureListParamsSchema = exact<ExperimentalFeatureListParams>()(
  z.object({ cursor: nullish(z.string()), limit: nullish(uint32), threadId: nullish(z.string()) }),
);
export const experimentalFeatureListResponseSchema = exact<ExperimentalFeatureListResponse>()(
  z.object({ data: z.array(experimentalFeatureSchema), nextCursor: nullish(z.string()) }),
);

export const inputModalitySchema = exact<InputModality>()(z.enum(["text", "image", "audio"]));
export const multiAgentVersionSchema = exact<MultiAgentVersion>()(z.enum(["disabled", "v1", "v2"]));
export const cyberAccessProgramSchema = exact<CyberAccessProgram>()(z.enum(["standard", "daybreakBlue", "daybreakRed"]));
export const modelAccessProgramsSchema = exact<ModelAccessPrograms>()(
  z.object({ cyber: z.array(cyberAccessProgramSchema) }),
);
export const modelAvailabilityNuxSchema = exact<ModelAvailabilityNux>()(z.object({ message: z.string() }));
export const reasoningEffortOptionSchema = exact<ReasoningEffortOption>()(
  z.object({ reasoningEffort: reasoningEffortSchema, description: z.string() }),
);
export const modelServiceTierSchema = exact<ModelServiceTier>()(
  z.object({ id: z.string(), name: z.string(), description: z.string() }),
);
export const modelUpgradeInfoSchema = exact<ModelUpgradeInfo>()(
  z.object({
    model: z.string(),
    upgradeCopy: nullish(z.string()),
    modelLink: nullish(z.string()),
    migrationMarkdown: nullish(z.string()),
    retirementAt: nullish(int64),
  }),
);

export const modelSchema = exact<Model>()(
  z.object({
    id: z.string(),
    model: z.string(),
    displayName: z.string(),
    description: z.string(),
    hidden: z.boolean(),
    isDefault: z.boolean(),
    supportedReasoningEfforts: z.array(reasoningEffortOptionSchema),
    defaultReasoningEffort: reasoningEffortSchema,
    inputModalities: z.array(inputModalitySchema).optional(),
    serviceTiers: z.array(modelServiceTierSchema).optional(),
    defaultServiceTier: nullish(z.string()),
    additionalSpeedTiers: z.array(z.string()).optional(),
    supportsPersonality: z.boolean().optional(),
    modelSpecialty: nullish(z.string()),
    multiAgentVersion: nullish(multiAgentVersionSchema),
    availableAccessPrograms: nullish(modelAccessProgramsSchema),
    availabilityNux: nullish(modelAvailabilityNuxSchema),
    upgrade: nullish(z.string()),
    upgradeInfo: nullish(modelUpgradeInfoSchema),
  }),
);

export const modelListParamsSchema = exact<ModelListParams>()(
  z.object({
    cursor: nullish(z.string()),
    limit: nullish(uint32),
    includeHidden: nullish(z.boolean()),
    modelProvider: nullish(z.string()),
  }),
);
export const modelListResponseSchema = exact<ModelListResponse>()(
  z.object({ data: z.array(modelSchema), nextCursor: nullish(z.string()) }),
);
