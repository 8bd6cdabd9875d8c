// Administrator constraints on telemetry export (keys as in config.toml).
import type { UInt } from "./scalars.js";

/** Wire encoding of OTLP over HTTP. */
export type OtelHttpProtocol = "binary" | "json";

/** TLS material for an OTLP exporter (kebab-case keys). */
export interface OtelTlsConfig {
  "ca-certificate"?: string | null;
  "client-certificate"?: string | null;
  "client-private-key"?: string | null;
}

/** Where telemetry goes: nowhere, Statsig, or an OTLP endpoint. */
export type OtelExporter =
  | "none"
  | "statsig"
  | {
      "otlp-http": {
        endpoint: string;
        headers: { [name: string]: string };
        protocol: OtelHttpProtocol;
        tls?: OtelTlsConfig | null;
      };
    }
  | {
      "otlp-grpc": {
        endpoint: string;
        headers: { [name: string]: string };
        tls?: OtelTlsConfig | null;
      };
    };

/** Limits on logged tool results. */
export interface OtelToolResultLogConfig {
  max_bytes: UInt;
}

/** Constraints on telemetry (snake_case keys). */
export interface OtelRequirements {
  environment?: string | null;
  exporter?: OtelExporter | null;
  metrics_exporter?: OtelExporter | null;
  trace_exporter?: OtelExporter | null;
  log_agent_responses?: boolean | null;
  log_guardian_assessments?: boolean | null;
  log_sse_deltas?: boolean | null;
  log_user_prompt?: boolean | null;
  span_attributes?: { [name: string]: string } | null;
  tool_result?: OtelToolResultLogConfig | null;
  /** Trace state entries per vendor key. */
  tracestate?: { [vendor: string]: { [key: string]: string } } | null;
}
