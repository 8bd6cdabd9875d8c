import { z } from "zod";
import { anyTable, closedTable, stringMap } from "./table-kinds.js";

const otlpHttp = closedTable({
  "otlp-http": closedTable({
    endpoint: z.string(),
    protocol: z.enum(["binary", "json"]).optional(),
    headers: stringMap().optional(),
    tls: anyTable().optional(),
  }),
});

const otlpGrpc = closedTable({
  "otlp-grpc": closedTable({
    endpoint: z.string(),
    headers: stringMap().optional(),
    tls: anyTable().optional(),
  }),
});

/** An exporter: `"none"`, `{ otlp-http = {...} }` or `{ otlp-grpc = {...} }`. */
export const otelExporterSchema = z.union([z.literal("none"), otlpHttp, otlpGrpc]);
export type OtelExporterKind = z.output<typeof otelExporterSchema>;

/** `[otel]`: telemetry export. */
export const otelSchema = closedTable({
  environment: z.string().optional().describe("Environment name attached to telemetry."),
  exporter: otelExporterSchema.optional().describe("Log exporter."),
  trace_exporter: otelExporterSchema.optional().describe("Trace exporter."),
  metrics_exporter: otelExporterSchema.optional().describe("Metrics exporter."),
  log_user_prompt: z.boolean().optional().describe("Include user prompts in exported logs."),
}).describe("OpenTelemetry export settings.");
export type OtelConfigToml = z.output<typeof otelSchema>;
