import { z } from "zod";
import { wireApiSchema } from "./enums.js";
import { anyTable, closedTable, count, stringMap } from "./table-kinds.js";

/** `[model_providers.<id>]`: how to reach a model provider. */
export const modelProviderSchema = closedTable({
  name: z.string().describe("Display name of the provider."),
  base_url: z.string().optional().describe("Base URL of the provider's API."),
  env_key: z.string().optional().describe("Environment variable that holds the API key."),
  env_key_instructions: z.string().optional().describe("Shown when `env_key` is not set."),
  experimental_bearer_token: z.string().optional(),
  wire_api: wireApiSchema.optional(),
  query_params: stringMap().optional().describe("Extra query parameters on every request."),
  http_headers: stringMap().optional().describe("Extra HTTP headers with fixed values."),
  env_http_headers: stringMap()
    .optional()
    .describe("Extra HTTP headers whose values come from environment variables (header = VAR)."),
  request_max_retries: count().optional().describe("Retries for a failed request."),
  stream_max_retries: count().optional().describe("Reconnects for a dropped stream."),
  stream_idle_timeout_ms: count().optional().describe("Idle time before a stream counts as dropped."),
  requires_openai_auth: z.boolean().optional().describe("Use the OpenAI login (API key or ChatGPT)."),
  supports_websockets: z.boolean().optional(),
  websocket_connect_timeout_ms: count().optional(),
  auth: anyTable().optional(),
  aws: anyTable().optional(),
});
export type ModelProviderInfo = z.output<typeof modelProviderSchema>;
