// The server's logger: pino writing to stderr, JSON lines with LOG_FORMAT=json, else one readable line per
// record. pino is loaded only when the level is not `off`, and every call first checks the level, so a
// disabled level costs a comparison.
import { levelRank, type LogLevel, logLevelFromEnv } from "./log-level.js";
import { formatTextRecord } from "./text-format.js";

export type EnabledLogLevel = Exclude<LogLevel, "off">;
export type LogFields = Record<string, unknown>;

export interface Logger {
  readonly level: LogLevel;
  /** Whether a record at `level` would be written; check it before building expensive fields. */
  enabled(level: EnabledLogLevel): boolean;
  trace(fields: LogFields, message: string): void;
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
  /** A logger that adds `bindings` to every record. */
  child(bindings: LogFields): Logger;
}

const noop = (): void => undefined;

/** A logger that writes nothing. */
export const silentLogger: Logger = {
  level: "off",
  enabled: () => false,
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};

export interface CreateLoggerOptions {
  /** Environment read for CODEX_LOG / RUST_LOG / LOG_FORMAT. */
  env: NodeJS.ProcessEnv;
  /** Where records go; default stderr. */
  destination?: { write(chunk: string): unknown };
  /** Overrides the level from the environment. */
  level?: LogLevel;
}

interface PinoLike {
  trace(fields: object, message: string): void;
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  child(bindings: object): PinoLike;
}

function wrap(pino: PinoLike, level: LogLevel): Logger {
  const rank = levelRank(level);
  return {
    level,
    enabled: (candidate) => levelRank(candidate) >= rank,
    trace: (fields, message) => pino.trace(fields, message),
    debug: (fields, message) => pino.debug(fields, message),
    info: (fields, message) => pino.info(fields, message),
    warn: (fields, message) => pino.warn(fields, message),
    error: (fields, message) => pino.error(fields, message),
    child: (bindings) => wrap(pino.child(bindings), level),
  };
}

/** Creates the logger described by the environment; resolves to `silentLogger` when the level is `off`. */
export async function createLogger(options: CreateLoggerOptions): Promise<Logger> {
  const level = options.level ?? logLevelFromEnv(options.env);
  if (level === "off") return silentLogger;
  const { pino } = await import("pino");
  const out = options.destination ?? process.stderr;
  const json = (options.env.LOG_FORMAT ?? "").trim().toLowerCase() === "json";
  const destination = json ? { write: (line: string) => out.write(line) } : { write: (line: string) => out.write(formatTextRecord(line)) };
  const instance = pino(
    {
      level,
      base: undefined,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
    },
    destination,
  );
  return wrap(instance as unknown as PinoLike, level);
}
