import { domainToASCII } from "node:url";
import { NetworkProxyError } from "./errors.js";
import { normalizeHost, type NormalizedHost } from "./host.js";

/** Which list a pattern came from; the global wildcard is only allowed in `allowed_domains`. */
export type DomainListName = "allowed_domains" | "denied_domains";

/**
 * How a pattern matches:
 * - `exact`: `example.com` (or an IP literal) matches only that host.
 * - `subdomains`: `*.example.com` matches `a.example.com`, `a.b.example.com`, not `example.com`.
 * - `apex-and-subdomains`: `**.example.com` matches `example.com` and every subdomain.
 * - `glob`: other `*` / `?` wildcards, e.g. `region*.example.com` (`*` may span dots).
 * - `global`: `*` matches every domain name (never an IP literal); allowed_domains only.
 */
export type DomainPatternKind = "exact" | "subdomains" | "apex-and-subdomains" | "glob" | "global";

export interface DomainPattern {
  /** The entry as written in the config. */
  readonly source: string;
  readonly kind: DomainPatternKind;
  /** True when `host` matches this pattern. */
  matches(host: NormalizedHost): boolean;
  /** True when this is a non-wildcard entry naming exactly `host`. */
  namesExactly(host: NormalizedHost): boolean;
}

function invalid(list: DomainListName, entry: string, why: string): NetworkProxyError {
  return new NetworkProxyError(
    "INVALID_DOMAIN_PATTERN",
    `network_proxy.${list} entry ${JSON.stringify(entry)} ${why}; use example.com, *.example.com or **.example.com`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/gu, "\\$&");
}

/** Lower-cases a glob and converts wildcard-free labels to punycode. */
function normalizeGlob(list: DomainListName, entry: string, glob: string): string {
  const trimmed = glob.replace(/\.+$/u, "");
  // Validate the shape by substituting a letter for every wildcard.
  if (normalizeHost(trimmed.replace(/[*?]/gu, "x"))?.kind !== "domain") {
    throw invalid(list, entry, "is not a valid domain pattern");
  }
  return trimmed
    .split(".")
    .map((label) => (/[*?]/u.test(label) ? label.toLowerCase() : domainToASCII(label)))
    .join(".");
}

function globToRegExpSource(glob: string): string {
  return glob
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : escapeRegExp(ch)))
    .join("");
}

function domainPattern(
  source: string,
  kind: DomainPatternKind,
  regex: RegExp,
  exact?: NormalizedHost,
): DomainPattern {
  return {
    source,
    kind,
    matches: (host) =>
      exact !== undefined
        ? host.kind === exact.kind && host.name === exact.name
        : host.kind === "domain" && regex.test(host.name),
    namesExactly: (host) => exact !== undefined && host.kind === exact.kind && host.name === exact.name,
  };
}

/** Parses one `allowed_domains` / `denied_domains` entry; throws a typed error when it is invalid. */
export function compileDomainPattern(entry: string, list: DomainListName): DomainPattern {
  const text = entry.trim();
  if (text.length === 0) throw invalid(list, entry, "is empty");
  if (text === "*" || text === "**") {
    if (list === "denied_domains") throw invalid(list, entry, "would deny every host; list domains instead");
    return domainPattern(entry, "global", /^.+$/u);
  }
  let prefix = "";
  let kind: DomainPatternKind = "exact";
  let rest = text;
  if (text.startsWith("**.")) {
    kind = "apex-and-subdomains";
    prefix = "(?:.+\\.)?";
    rest = text.slice(3);
  } else if (text.startsWith("*.")) {
    kind = "subdomains";
    prefix = ".+\\.";
    rest = text.slice(2);
  }
  if (/^[^[]*:\d+$/u.test(rest) || /^\[.*\]:\d+$/u.test(rest)) {
    throw invalid(list, entry, "has a port, which patterns do not support");
  }
  if (/[*?]/u.test(rest)) {
    const glob = normalizeGlob(list, entry, rest);
    return domainPattern(entry, kind === "exact" ? "glob" : kind, new RegExp(`^${prefix}${globToRegExpSource(glob)}$`, "u"));
  }
  const host = normalizeHost(rest);
  if (host === undefined) throw invalid(list, entry, "is not a valid host");
  if (kind === "exact") return domainPattern(entry, "exact", /$^/u, host);
  if (host.kind !== "domain") throw invalid(list, entry, "puts a wildcard in front of an IP address");
  return domainPattern(entry, kind, new RegExp(`^${prefix}${escapeRegExp(host.name)}$`, "u"));
}

/** A compiled allow or deny list. */
export class DomainPatternSet {
  readonly patterns: readonly DomainPattern[];

  constructor(entries: readonly string[], list: DomainListName) {
    this.patterns = entries.map((entry) => compileDomainPattern(entry, list));
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  matches(host: NormalizedHost): boolean {
    return this.patterns.some((pattern) => pattern.matches(host));
  }

  /** True when a non-wildcard entry names `host` (required to reach local addresses). */
  namesExactly(host: NormalizedHost): boolean {
    return this.patterns.some((pattern) => pattern.namesExactly(host));
  }
}
