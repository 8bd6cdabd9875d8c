// Validators of the experimental managed requirements: hooks, network policy, desktop application.
import { z } from "zod";
import type {
  ApplicationNetworkRequirements,
  ApplicationRequirements,
  ApplicationStorageRequirements,
  ConfiguredHookHandler,
  ConfiguredHookMatcherGroup,
  ManagedHooksRequirements,
  NetworkDomainPermission,
  NetworkRequirements,
  NetworkUnixSocketPermission,
} from "../wire/index.js";
import { exact, jsonValue, nullish, uint, uint16, uint64 } from "./exact.js";

export const configuredHookHandlerSchema = exact<ConfiguredHookHandler>()(
  z.discriminatedUnion("type", [
    z.object({
      type: z.literal("command"),
      command: z.string(),
      commandWindows: nullish(z.string()),
      async: z.boolean(),
      timeoutSec: nullish(uint64),
      statusMessage: nullish(z.string()),
      additionalContextLimit: nullish(uint),
    }),
    z.object({
      type: z.literal("mcp_tool"),
      server: z.string(),
      tool: z.string(),
      input: z.record(z.string(), jsonValue),
      timeoutSec: nullish(uint64),
      statusMessage: nullish(z.string()),
    }),
    z.object({ type: z.literal("prompt") }),
    z.object({ type: z.literal("agent") }),
  ]),
);

export const configuredHookMatcherGroupSchema = exact<ConfiguredHookMatcherGroup>()(
  z.object({ matcher: nullish(z.string()), hooks: z.array(configuredHookHandlerSchema) }),
);

const groups = z.array(configuredHookMatcherGroupSchema);

export const managedHooksRequirementsSchema = exact<ManagedHooksRequirements>()(
  z.object({
    managedDir: nullish(z.string()),
    windowsManagedDir: nullish(z.string()),
    PreToolUse: groups,
    PermissionRequest: groups,
    PostToolUse: groups,
    PreCompact: groups,
    PostCompact: groups,
    SessionStart: groups,
    UserPromptSubmit: groups,
    SubagentStart: groups,
    SubagentStop: groups,
    Stop: groups,
    Interrupt: groups.optional(),
    PreModelRequest: groups.optional(),
    PostModelRequest: groups.optional(),
    SessionEnd: groups.optional(),
  }),
);

export const networkDomainPermissionSchema = exact<NetworkDomainPermission>()(z.enum(["allow", "deny"]));
export const networkUnixSocketPermissionSchema = exact<NetworkUnixSocketPermission>()(z.enum(["allow", "deny"]));

export const networkRequirementsSchema = exact<NetworkRequirements>()(
  z.object({
    enabled: nullish(z.boolean()),
    httpPort: nullish(uint16),
    socksPort: nullish(uint16),
    allowUpstreamProxy: nullish(z.boolean()),
    allowLocalBinding: nullish(z.boolean()),
    dangerouslyAllowNonLoopbackProxy: nullish(z.boolean()),
    dangerouslyAllowAllUnixSockets: nullish(z.boolean()),
    domains: nullish(z.record(z.string(), networkDomainPermissionSchema)),
    allowedDomains: nullish(z.array(z.string())),
    deniedDomains: nullish(z.array(z.string())),
    reviewDomains: nullish(z.array(z.string())),
    managedAllowedDomainsOnly: nullish(z.boolean()),
    unixSockets: nullish(z.record(z.string(), networkUnixSocketPermissionSchema)),
    allowUnixSockets: nullish(z.array(z.string())),
  }),
);

export const applicationNetworkRequirementsSchema = exact<ApplicationNetworkRequirements>()(
  z.object({ enabled: z.boolean(), domains: z.record(z.string(), networkDomainPermissionSchema) }),
);

export const applicationStorageRequirementsSchema = exact<ApplicationStorageRequirements>()(
  z.object({ defaultProjectParent: nullish(z.string()), projectlessWorkspaceRoot: nullish(z.string()) }),
);

export const applicationRequirementsSchema = exact<ApplicationRequirements>()(
  z.object({
    network: nullish(applicationNetworkRequirementsSchema),
    storage: nullish(applicationStorageRequirementsSchema),
  }),
);
