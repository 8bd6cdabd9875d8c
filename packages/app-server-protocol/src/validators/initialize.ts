// Validators of the `initialize` handshake.
import { z } from "zod";
import type { ClientInfo, InitializeCapabilities, InitializeParams, InitializeResponse } from "../wire/index.js";
import { absolutePath, exact, jsonValue, nullish } from "./exact.js";

export const clientInfoSchema = exact<ClientInfo>()(
  z.object({ name: z.string(), title: nullish(z.string()), version: z.string() }),
);

export const initializeCapabilitiesSchema = exact<InitializeCapabilities>()(
  z.object({
    experimentalApi: z.boolean().optional(),
    explicitGatewayOauth: z.boolean().optional(),
    extensions: nullish(z.record(z.string(), jsonValue)),
    mcpServerOpenaiFormElicitation: z.boolean().optional(),
    optOutNotificationMethods: nullish(z.array(z.string())),
    requestAttestation: z.boolean().optional(),
    requiredHumanApproval: z.boolean().optional(),
  }),
);

export const initializeParamsSchema = exact<InitializeParams>()(
  z.object({ clientInfo: clientInfoSchema, capabilities: nullish(initializeCapabilitiesSchema) }),
);

export const initializeResponseSchema = exact<InitializeResponse>()(
  z.object({ userAgent: z.string(), codexHome: absolutePath, platformFamily: z.string(), platformOs: z.string() }),
);
