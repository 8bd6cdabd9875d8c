import { NetworkProxyError } from "./errors.js";
import { DomainPatternSet } from "./domain-pattern.js";

/** `full` allows every method and tunnel; `limited` allows only GET, HEAD and OPTIONS over plain HTTP. */
export type NetworkMode = "full" | "limited";

export const NETWORK_MODES: readonly NetworkMode[] = ["full", "limited"];

/**
 * The `[network_proxy]` table as it appears in config.toml (a structural type: any object with these
 * keys works, including the typed model from the config package). Unknown keys are ignored. The
 * domain keys may also sit in a nested `policy` table, as in older upstream configs.
 */
export interface NetworkProxyConfigInput {
  readonly enabled?: boolean;
  readonly proxy_url?: string;
  readonly admin_url?: string;
  readonly enable_socks5?: boolean;
  readonly socks_url?: string;
  readonly enable_socks5_udp?: boolean;
  readonly mode?: string;
  readonly allowed_domains?: readonly string[];
  readonly denied_domains?: readonly string[];
  readonly allow_local_binding?: boolean;
  readonly dangerously_allow_non_loopback_proxy?: boolean;
  readonly dangerously_allow_non_loopback_admin?: boolean;
  readonly policy?: {
    readonly allowed_domains?: readonly string[];
    readonly denied_domains?: readonly string[];
    readonly allow_local_binding?: boolean;
  };
}

/** The resolved settings: every key present, defaults applied, patterns validated. */
export interface NetworkProxySettings {
  readonly enabled: boolean;
  readonly proxy_url: string;
  readonly admin_url: string;
  readonly enable_socks5: boolean;
  readonly socks_url: string;
  readonly enable_socks5_udp: boolean;
  readonly mode: NetworkMode;
  readonly allowed_domains: readonly string[];
  readonly denied_domains: readonly string[];
  readonly allow_local_binding: boolean;
  readonly dangerously_allow_non_loopback_proxy: boolean;
  readonly dangerously_allow_non_loopback_admin: boolean;
}

export const DEFAULT_PROXY_URL = "http://127.0.0.1:3128";
export const DEFAULT_ADMIN_URL = "http://127.0.0.1:8080";
export const DEFAULT_SOCKS_URL = "127.0.0.1:8081";

function configError(message: string): NetworkProxyError {
  return new NetworkProxyError("INVALID_NETWORK_PROXY_CONFIG", message);
}

function readBoolean(table: Record<string, unknown>, key: string, fallback: boolean, where = "network_proxy"): boolean {
  const value = table[key];
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw configError(`${where}.${key} must be true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}

function readString(table: Record<string, unknown>, key: string, fallback: string): string {
  const value = table[key];
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw configError(`network_proxy.${key} must be a string like "127.0.0.1:3128", got ${JSON.stringify(value)}`);
  }
  return value;
}

function readList(table: Record<string, unknown>, key: string, where: string): string[] | undefined {
  const value = table[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string")) {
    throw configError(`${where}.${key} must be a list of strings like ["example.com", "*.example.com"]`);
  }
  return [...(value as string[])];
}

/** Validates a mode string; throws INVALID_NETWORK_MODE for anything but "full" / "limited". */
export function parseNetworkMode(value: unknown): NetworkMode {
  if (value === "full" || value === "limited") return value;
  throw new NetworkProxyError(
    "INVALID_NETWORK_MODE",
    `network mode must be "full" or "limited", got ${JSON.stringify(value)}`,
  );
}

/**
 * Applies defaults and validates a `[network_proxy]` table. `enabled` defaults to true here:
 * starting the proxy is the opt-in. Throws a typed NetworkProxyError on the first problem.
 */
export function resolveNetworkProxySettings(input: NetworkProxyConfigInput | undefined): NetworkProxySettings {
  if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
    throw configError("network_proxy must be a table of settings");
  }
  const table = (input ?? {}) as Record<string, unknown>;
  const policyValue = table["policy"];
  if (policyValue !== undefined && (typeof policyValue !== "object" || policyValue === null || Array.isArray(policyValue))) {
    throw configError("network_proxy.policy must be a table with allowed_domains and denied_domains");
  }
  const policy = (policyValue ?? {}) as Record<string, unknown>;
  let mode: NetworkMode = "full";
  if (table["mode"] !== undefined) {
    try {
      mode = parseNetworkMode(table["mode"]);
    } catch {
      throw configError(`network_proxy.mode must be "full" or "limited", got ${JSON.stringify(table["mode"])}`);
    }
  }
  const allowed =
    readList(table, "allowed_domains", "network_proxy") ?? readList(policy, "allowed_domains", "network_proxy.policy") ?? [];
  const denied =
    readList(table, "denied_domains", "network_proxy") ?? readList(policy, "denied_domains", "network_proxy.policy") ?? [];
  // Compile once here so a bad pattern is reported at load time, not on the first request.
  new DomainPatternSet(allowed, "allowed_domains");
  new DomainPatternSet(denied, "denied_domains");
  const localBinding =
    table["allow_local_binding"] !== undefined
      ? readBoolean(table, "allow_local_binding", false)
      : readBoolean(policy, "allow_local_binding", false, "network_proxy.policy");
  return {
    enabled: readBoolean(table, "enabled", true),
    proxy_url: readString(table, "proxy_url", DEFAULT_PROXY_URL),
    admin_url: readString(table, "admin_url", DEFAULT_ADMIN_URL),
    enable_socks5: readBoolean(table, "enable_socks5", false),
    socks_url: readString(table, "socks_url", DEFAULT_SOCKS_URL),
    enable_socks5_udp: readBoolean(table, "enable_socks5_udp", false),
    mode,
    allowed_domains: allowed,
    denied_domains: denied,
    allow_local_binding: localBinding,
    dangerously_allow_non_loopback_proxy: readBoolean(table, "dangerously_allow_non_loopback_proxy", false),
    dangerously_allow_non_loopback_admin: readBoolean(table, "dangerously_allow_non_loopback_admin", false),
  };
}
