/** Codes of the errors a user can cause (bad config, bad flags, busy ports). */
export type NetworkProxyErrorCode =
  | "INVALID_NETWORK_PROXY_CONFIG"
  | "INVALID_DOMAIN_PATTERN"
  | "INVALID_LISTEN_ADDRESS"
  | "INVALID_NETWORK_MODE"
  | "LISTEN_FAILED"
  | "CONFIG_FILE_UNREADABLE"
  | "INVALID_ARGUMENTS";

/** An error the user can fix; `message` is one actionable sentence. */
export class NetworkProxyError extends Error {
  readonly code: NetworkProxyErrorCode;

  constructor(code: NetworkProxyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NetworkProxyError";
    this.code = code;
  }
}

export function isNetworkProxyError(value: unknown): value is NetworkProxyError {
  return value instanceof NetworkProxyError;
}
