// Validators of the telemetry requirements.
import { z } from "zod";
import type {
  OtelExporter,
  OtelHttpProtocol,
  OtelRequirements,
  OtelTlsConfig,
  OtelToolResultLogConfig,
} from "../wire/index.js";
import { exact, nullish, uint } from "./exact.js";

export const otelHttpProtocolSchema = exact<OtelHttpProtocol>()(z.enum(["binary", "json"]));

export const otelTlsConfigSchema = exact<OtelTlsConfig>()(
  z.object({
    "ca-certificate": nullish(z.string()),
    "client-certificate": nullish(z.string()),
    "client-private-key": nullish(z.string()),
  }),
);

const headers = z.record(z.string(), z.string());

export const otelExporterSchema = exact<OtelExporter>()(
  z.union([
    z.enum(["none", "statsig"]),
    z.strictObject({
      "otlp-http": z.object({
        endpoint: z.string(),
        headers,
        protocol: otelHttpProtocolSchema,
        tls: nullish(otelTlsConfigSchema),
      }),
    }),
    z.strictObject({
      "otlp-grpc": z.object({ endpoint: z.string(), headers, tls: nullish(otelTlsConfigSchema) }),
    }),
  ]),
);

export const otelToolResultLogConfigSchema = exact<OtelToolResultLogConfig>()(z.object({ max_bytes: uint }));

export const otelRequirementsSchema = exact<OtelRequirements>()(
  z.object({
    environment: nullish(z.string()),
    exporter: nullish(otelExporterSchema),
    metrics_exporter: nullish(otelExporterSchema),
    trace_exporter: nullish(otelExporterSchema),
    log_agent_responses: nullish(z.boolean()),
    log_guardian_assessments: nullish(z.boolean()),
    log_sse_deltas: nullish(z.boolean()),
    log_user_prompt: nullish(z.boolean()),
    span_attributes: nullish(z.record(z.string(), z.string())),
    tool_result: nullish(otelToolResultLogConfigSchema),
    tracestate: nullish(z.record(z.string(), z.record(z.string(), z.string()))),
  }),
);
