// Validators of `config/value/write`, `config/batchWrite` and `configWarning`.
import { z } from "zod";
import type {
  ConfigBatchWriteParams,
  ConfigEdit,
  ConfigValueWriteParams,
  ConfigWarningNotification,
  ConfigWriteResponse,
  MergeStrategy,
  OverriddenMetadata,
  TextPosition,
  TextRange,
  WriteStatus,
} from "../wire/index.js";
import { configLayerMetadataSchema } from "./config-read.js";
import { absolutePath, exact, jsonValue, nullish, uint } from "./exact.js";

export const mergeStrategySchema = exact<MergeStrategy>()(z.enum(["replace", "upsert"]));

export const configValueWriteParamsSchema = exact<ConfigValueWriteParams>()(
  z.object({
    keyPath: z.string(),
    value: jsonValue,
    mergeStrategy: mergeStrategySchema,
    filePath: nullish(z.string()),
    expectedVersion: nullish(z.string()),
  }),
);

export const configEditSchema = exact<ConfigEdit>()(
  z.object({ keyPath: z.string(), value: jsonValue, mergeStrategy: mergeStrategySchema }),
);

export const configBatchWriteParamsSchema = exact<ConfigBatchWriteParams>()(
  z.object({
    edits: z.array(configEditSchema),
    filePath: nullish(z.string()),
    expectedVersion: nullish(z.string()),
    reloadUserConfig: z.boolean().optional(),
  }),
);

export const writeStatusSchema = exact<WriteStatus>()(z.enum(["ok", "okOverridden"]));

export const overriddenMetadataSchema = exact<OverriddenMetadata>()(
  z.object({ message: z.string(), overridingLayer: configLayerMetadataSchema, effectiveValue: jsonValue }),
);

export const configWriteResponseSchema = exact<ConfigWriteResponse>()(
  z.object({
    status: writeStatusSchema,
    version: z.string(),
    filePath: absolutePath,
    overriddenMetadata: nullish(overriddenMetadataSchema),
  }),
);

export const textPositionSchema = exact<TextPosition>()(z.object({ line: uint, column: uint }));
export const textRangeSchema = exact<TextRange>()(z.object({ start: textPositionSchema, end: textPositionSchema }));

export const configWarningNotificationSchema = exact<ConfigWarningNotification>()(
  z.object({
    summary: z.string(),
    details: nullish(z.string()),
    path: nullish(z.string()),
    range: nullish(textRangeSchema),
  }),
);
