export { startNetworkProxy } from "./network-proxy.js";
export type { ListenerInfo, NetworkProxyHandle, StartNetworkProxyOptions } from "./network-proxy.js";
export {
  NetworkPolicy,
  type BlockReason,
  type DecisionSource,
  type HostDecision,
  type HostResolver,
  type NetworkDecision,
  type NetworkPolicyDecider,
  type NetworkPolicyRequest,
  type PolicyProtocol,
} from "./policy.js";
export {
  DEFAULT_ADMIN_URL,
  DEFAULT_PROXY_URL,
  DEFAULT_SOCKS_URL,
  NETWORK_MODES,
  parseNetworkMode,
  resolveNetworkProxySettings,
  type NetworkMode,
  type NetworkProxyConfigInput,
  type NetworkProxySettings,
} from "./settings.js";
export { MAX_BLOCKED_ENTRIES, type BlockedProtocol, type BlockedRequest } from "./blocked-log.js";
export { compileDomainPattern, DomainPatternSet, type DomainPattern, type DomainPatternKind } from "./domain-pattern.js";
export { formatHostPort, normalizeHost, parseAuthority, type HostAndPort, type HostKind, type NormalizedHost } from "./host.js";
export { isLoopbackIp, isNonPublicIp } from "./ip-range.js";
export { clampToLoopback, parseListenAddress, type ListenAddress } from "./listen-address.js";
export { blockedHeaderValue } from "./block-response.js";
export { isNetworkProxyError, NetworkProxyError, type NetworkProxyErrorCode } from "./errors.js";
