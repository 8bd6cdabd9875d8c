import { DomainPatternSet } from "./domain-pattern.js";
import type { NormalizedHost } from "./host.js";
import { isNonPublicIp } from "./ip-range.js";
import { parseNetworkMode, type NetworkMode, type NetworkProxySettings } from "./settings.js";

/** Why a request was blocked (upstream reason strings). */
export type BlockReason =
  | "denied"
  | "not_allowed"
  | "not_allowed_local"
  | "method_not_allowed"
  | "proxy_disabled"
  | "policy_denied";

/** Which check produced a block. */
export type DecisionSource = "baseline_policy" | "mode_guard" | "proxy_state" | "decider";

/** The protocol a policy question is asked for. */
export type PolicyProtocol = "http" | "https_connect" | "socks5_tcp" | "socks5_udp";

/** What a policy decider sees: asked only when a host is missing from the allowlist. */
export interface NetworkPolicyRequest {
  readonly protocol: PolicyProtocol;
  readonly host: string;
  readonly port: number;
  readonly client?: string;
  readonly method?: string;
}

/** A decider's answer: allow, deny, or deny and mark the block as one the user could approve. */
export type NetworkDecision = { readonly decision: "allow" } | { readonly decision: "deny" | "ask"; readonly reason?: string };

/** A hook that may allow hosts the allowlist does not name; it never overrides denies or local blocks. */
export type NetworkPolicyDecider = (request: NetworkPolicyRequest) => NetworkDecision | Promise<NetworkDecision>;

/** Resolves a host name to IP addresses, in the order they should be tried. */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** The outcome for one host: where to connect, or why not. */
export type HostDecision =
  | {
      readonly allowed: true;
      /** Addresses checked by the policy; connect to these only. Undefined: resolve at connect time. */
      readonly addresses?: readonly string[];
    }
  | {
      readonly allowed: false;
      readonly reason: BlockReason | string;
      readonly source: DecisionSource;
      readonly decision: "deny" | "ask";
    };

const LIMITED_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isLocalName(host: NormalizedHost): boolean {
  return host.kind === "domain" && (host.name === "localhost" || host.name.endsWith(".localhost"));
}

function block(reason: string, source: DecisionSource = "baseline_policy", decision: "deny" | "ask" = "deny"): HostDecision {
  return { allowed: false, reason, source, decision };
}

/**
 * The live policy: allow/deny lists, local-address protection and mode. Deny always wins; IP
 * literals and local names need an exact (non-wildcard) allowlist entry; host names that resolve to
 * local or private addresses are blocked unless `allow_local_binding` is set, and the checked
 * addresses are the ones connected to (no second lookup to rebind).
 */
export class NetworkPolicy {
  #settings: NetworkProxySettings;
  #allowed: DomainPatternSet;
  #denied: DomainPatternSet;
  readonly #resolve: HostResolver;
  readonly #decider: NetworkPolicyDecider | undefined;

  constructor(settings: NetworkProxySettings, resolve: HostResolver, decider?: NetworkPolicyDecider) {
    this.#settings = settings;
    this.#allowed = new DomainPatternSet(settings.allowed_domains, "allowed_domains");
    this.#denied = new DomainPatternSet(settings.denied_domains, "denied_domains");
    this.#resolve = resolve;
    this.#decider = decider;
  }

  get settings(): NetworkProxySettings {
    return this.#settings;
  }

  get mode(): NetworkMode {
    return this.#settings.mode;
  }

  get enabled(): boolean {
    return this.#settings.enabled;
  }

  /** Replaces the whole policy (patterns are compiled before anything changes). */
  update(settings: NetworkProxySettings): void {
    const allowed = new DomainPatternSet(settings.allowed_domains, "allowed_domains");
    const denied = new DomainPatternSet(settings.denied_domains, "denied_domains");
    this.#settings = settings;
    this.#allowed = allowed;
    this.#denied = denied;
  }

  setMode(mode: NetworkMode): void {
    this.#settings = { ...this.#settings, mode: parseNetworkMode(mode) };
  }

  /** In limited mode only GET, HEAD and OPTIONS pass; CONNECT and SOCKS5 never do. */
  allowsMethod(method: string): boolean {
    return this.#settings.mode === "full" || LIMITED_METHODS.has(method.toUpperCase());
  }

  patterns(): { allowed: string[]; denied: string[] } {
    return { allowed: [...this.#settings.allowed_domains], denied: [...this.#settings.denied_domains] };
  }

  /** The decision that needs no DNS: used by `evaluate` and handy for tests and diagnostics. */
  checkHost(host: NormalizedHost): HostDecision | "needs-decider" | "needs-local-check" {
    if (this.#denied.matches(host)) return block("denied");
    const localBinding = this.#settings.allow_local_binding;
    if (host.kind !== "domain") {
      // Raw IP targets need an exact allowlist entry; wildcards never match them.
      if (this.#allowed.namesExactly(host)) return { allowed: true, addresses: [host.name] };
      if (!localBinding && isNonPublicIp(host.name)) return block("not_allowed_local");
      return "needs-decider";
    }
    if (isLocalName(host) && !localBinding) {
      return this.#allowed.namesExactly(host) ? { allowed: true } : block("not_allowed_local");
    }
    if (!this.#allowed.matches(host)) return "needs-decider";
    return localBinding ? { allowed: true } : "needs-local-check";
  }

  /** Full evaluation of a host: lists, decider (allowlist misses only) and the local-address check. */
  async evaluate(host: NormalizedHost, request: Omit<NetworkPolicyRequest, "host">): Promise<HostDecision> {
    let verdict = this.checkHost(host);
    if (verdict === "needs-decider") {
      if (this.#decider === undefined) return block("not_allowed");
      const answer = await this.#decider({ ...request, host: host.name });
      if (answer.decision !== "allow") return block(answer.reason || "not_allowed", "decider", answer.decision);
      if (host.kind !== "domain") return { allowed: true, addresses: [host.name] };
      verdict = this.#settings.allow_local_binding ? { allowed: true } : "needs-local-check";
    }
    if (verdict !== "needs-local-check") return verdict;
    let addresses: string[];
    try {
      addresses = await this.#resolve(host.name);
    } catch {
      // Unresolvable: nothing to check and nothing to connect to; the connect step reports it.
      return { allowed: true, addresses: [] };
    }
    if (addresses.some((address) => isNonPublicIp(address))) return block("not_allowed_local");
    return { allowed: true, addresses };
  }
}
