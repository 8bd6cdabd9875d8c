// The `initialize` handshake: reading the client's identity and capabilities, and the response.
import {
  type ConfigWarningNotification,
  type InitializeParams,
  type InitializeResponse,
  isValidClientName,
} from "@codex-ts/app-server-protocol/envelope";
import { buildUserAgent, platformOf } from "./user-agent.js";

/** Server settings the handshake reports or applies. */
export interface InitializeSettings {
  codexHome: string;
  /** Version in the user agent (the `codex` CLI version). */
  serverVersion: string;
  env: NodeJS.ProcessEnv;
  /**
   * Sent to each connection right after its `initialize` response. A promise (config still loading) sends
   * them as soon as it resolves; a function is called once, after the first `initialize` response, so
   * loading the config never delays the handshake.
   */
  configWarnings?: ConfigWarningsSource;
}

export type ConfigWarningsSource =
  | readonly ConfigWarningNotification[]
  | Promise<readonly ConfigWarningNotification[]>
  | (() => Promise<readonly ConfigWarningNotification[]>);

export interface AcceptedInitialize {
  clientInfo: { name: string; title?: string | null; version: string };
  experimentalApi: boolean;
  optOut: ReadonlySet<string>;
}

/** The validated params of `initialize`, or undefined when `clientInfo.name` is not a valid header value. */
export function readInitializeParams(raw: unknown): AcceptedInitialize | undefined {
  const params = raw as InitializeParams;
  const { clientInfo, capabilities } = params;
  if (!isValidClientName(clientInfo.name)) return undefined;
  const info: AcceptedInitialize["clientInfo"] = { name: clientInfo.name, version: clientInfo.version };
  if (clientInfo.title !== undefined) info.title = clientInfo.title;
  return {
    clientInfo: info,
    experimentalApi: capabilities?.experimentalApi === true,
    optOut: new Set(capabilities?.optOutNotificationMethods ?? []),
  };
}

export function buildInitializeResponse(settings: InitializeSettings, clientInfo: { name: string; version: string }): InitializeResponse {
  return {
    userAgent: buildUserAgent({
      serverVersion: settings.serverVersion,
      clientName: clientInfo.name,
      clientVersion: clientInfo.version,
      env: settings.env,
    }),
    codexHome: settings.codexHome,
    ...platformOf(),
  };
}
