// Which methods and fields need the `experimentalApi` capability. Plain data, free of validators, so the
// envelope entry point can gate requests and shape outgoing payloads without loading zod.

/** How one method is gated: the whole method, or dotted paths of experimental params / result fields. */
export interface MethodGating {
  readonly experimental?: boolean;
  readonly params?: readonly string[];
  readonly result?: readonly string[];
}

/** Client requests that are experimental or have experimental fields; every other method has neither. */
export const CLIENT_REQUEST_GATING: Readonly<Record<string, MethodGating>> = {
  "command/exec": { params: ["permissionProfile"] },
  "config/read": { result: ["config.apps"] },
  "configRequirements/read": {
    result: [
      "requirements.allowedApprovalsReviewers",
      "requirements.hooks",
      "requirements.network",
      "requirements.application",
    ],
  },
  "fuzzyFileSearch/sessionStart": { experimental: true },
  "thread/start": { params: ["experimentalRawEvents", "persistExtendedHistory"] },
  "thread/resume": { params: ["path"] },
  "thread/fork": { params: ["path"] },
  "fuzzyFileSearch/sessionUpdate": { experimental: true },
  "fuzzyFileSearch/sessionStop": { experimental: true },
};

/** Server notifications that are experimental or have experimental fields (none so far). */
export const SERVER_NOTIFICATION_GATING: Readonly<Record<string, MethodGating>> = {};

const NO_GATING: MethodGating = {};

/** The gating of `method` in `table`; methods not listed (or not served) have none. */
export function gatingOf(table: Readonly<Record<string, MethodGating>>, method: string): MethodGating {
  return Object.hasOwn(table, method) ? (table[method] as MethodGating) : NO_GATING;
}
