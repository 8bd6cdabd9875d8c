// Reading the log level from CODEX_LOG (or RUST_LOG, for compatibility with the upstream server).

/** Levels from most to least verbose; `off` disables logging. */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "off";

const LEVELS: readonly LogLevel[] = ["trace", "debug", "info", "warn", "error", "off"];

/** The level used when neither variable is set. */
export const DEFAULT_LOG_LEVEL: LogLevel = "warn";

/** Targets whose directives apply to this server (`codex_app_server=debug`, `codex=info`, ...). */
const OWN_TARGET = /^codex/;

function asLevel(value: string): LogLevel | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === "warning") return "warn";
  if (lower === "none") return "off";
  return (LEVELS as readonly string[]).includes(lower) ? (lower as LogLevel) : undefined;
}

/** Index in LEVELS: lower is more verbose. */
export function levelRank(level: LogLevel): number {
  return LEVELS.indexOf(level);
}

/**
 * Parses a filter such as `info`, `warn,codex_app_server=debug` or `codex_core=trace`. A bare level sets the
 * default; `target=level` directives count only for targets starting with `codex`. The most verbose level that
 * applies wins. Returns undefined for a filter with no usable directive.
 */
export function parseLogFilter(filter: string): LogLevel | undefined {
  let chosen: LogLevel | undefined;
  for (const directive of filter.split(",")) {
    const trimmed = directive.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    const level = eq < 0 ? asLevel(trimmed) : OWN_TARGET.test(trimmed.slice(0, eq).trim()) ? asLevel(trimmed.slice(eq + 1)) : undefined;
    if (level === undefined) continue;
    if (chosen === undefined || levelRank(level) < levelRank(chosen)) chosen = level;
  }
  return chosen;
}

/** The level from `CODEX_LOG`, else `RUST_LOG`, else the default. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel {
  for (const name of ["CODEX_LOG", "RUST_LOG"] as const) {
    const value = env[name];
    if (value === undefined || value.trim() === "") continue;
    const level = parseLogFilter(value);
    if (level !== undefined) return level;
  }
  return DEFAULT_LOG_LEVEL;
}
