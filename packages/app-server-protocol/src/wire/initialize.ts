// The `initialize` handshake.
import type { AbsolutePathBuf, JsonValue } from "./scalars.js";

/** Identifies the client application to the server. */
export interface ClientInfo {
  /** Client name; must be usable as an HTTP header value (it becomes part of the user agent). */
  name: string;
  /** Human-readable client name. */
  title?: string | null;
  version: string;
}

/** Optional behaviours the client asks for when it connects. */
export interface InitializeCapabilities {
  /** Enables experimental methods and fields on this connection. Off by default. */
  experimentalApi?: boolean;
  /** Use an explicit gateway OAuth login instead of opening the browser automatically. */
  explicitGatewayOauth?: boolean;
  /** MCP extension settings declared by the client. */
  extensions?: { [extension: string]: JsonValue } | null;
  /** Older opt-in for the `openai/form` MCP elicitation extension; prefer `extensions`. */
  mcpServerOpenaiFormElicitation?: boolean;
  /** Notification method names (exact matches) this connection does not want to receive. */
  optOutNotificationMethods?: string[] | null;
  /** Allows the server to send `attestation/generate` requests. Off by default. */
  requestAttestation?: boolean;
  /** Ask that command approvals be shown to a person and answered once; needs `experimentalApi`. */
  requiredHumanApproval?: boolean;
}

/** Parameters of `initialize`. */
export interface InitializeParams {
  clientInfo: ClientInfo;
  capabilities?: InitializeCapabilities | null;
}

/** Result of `initialize`. */
export interface InitializeResponse {
  /** User agent the server uses for its own HTTP requests. */
  userAgent: string;
  /** Absolute path of the server's CODEX_HOME directory. */
  codexHome: AbsolutePathBuf;
  /** Platform family of the server, such as `unix` or `windows`. */
  platformFamily: string;
  /** Operating system of the server, such as `linux`, `macos` or `windows`. */
  platformOs: string;
}
