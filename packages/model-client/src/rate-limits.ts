/** One rate-limit window as reported by the `x-codex-<primary|secondary>-*` response headers. */
export interface RateLimitWindow {
  usedPercent: number;
  windowMinutes: number | undefined;
  /** Unix seconds when the window resets. */
  resetsAt: number | undefined;
}

export interface CreditsSnapshot {
  hasCredits: boolean;
  unlimited: boolean;
  balance: string | undefined;
}

export interface RateLimitSnapshot {
  primary: RateLimitWindow | undefined;
  secondary: RateLimitWindow | undefined;
  credits: CreditsSnapshot | undefined;
}

type HeaderSource = { get(name: string): string | null } | Readonly<Record<string, string | string[] | undefined>>;

/** Parses the rate-limit headers; `undefined` when the response carries none. */
export function parseRateLimitHeaders(headers: HeaderSource): RateLimitSnapshot | undefined {
  const get = headerGetter(headers);
  const primary = windowFrom(get, "primary");
  const secondary = windowFrom(get, "secondary");
  const credits = creditsFrom(get);
  if (!primary && !secondary && !credits) return undefined;
  return { primary, secondary, credits };
}

function windowFrom(get: (name: string) => string | undefined, which: string): RateLimitWindow | undefined {
  const usedPercent = finite(get(`x-codex-${which}-used-percent`));
  if (usedPercent === undefined) return undefined;
  return {
    usedPercent,
    windowMinutes: finite(get(`x-codex-${which}-window-minutes`)),
    resetsAt: finite(get(`x-codex-${which}-reset-at`)),
  };
}

function creditsFrom(get: (name: string) => string | undefined): CreditsSnapshot | undefined {
  const has = get("x-codex-credits-has-credits");
  if (has === undefined) return undefined;
  return {
    hasCredits: isTrue(has),
    unlimited: isTrue(get("x-codex-credits-unlimited")),
    balance: get("x-codex-credits-balance"),
  };
}

function headerGetter(headers: HeaderSource): (name: string) => string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    const h = headers as { get(name: string): string | null };
    return (name) => h.get(name) ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | string[] | undefined>>;
  return (name) => {
    const value = record[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

function finite(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && (value.toLowerCase() === "true" || value === "1");
}
