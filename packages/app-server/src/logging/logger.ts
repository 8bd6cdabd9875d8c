// The server's logger: pino writing to stderr, JSON lines with LOG_FORMAT=json, else one readable line per
// record. Every call first checks the level, so a disabled level costs a comparison, and pino itself is
// loaded only when the first record is actually written (a quiet server never loads it).
import { createRequire } from "node:module";
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

type PinoFactory = typeof import("pino").pino;

/** Builds the pino instance on first use. */
class PinoRoot {
  private instance: PinoLike | undefined;

  constructor(private readonly build: () => PinoLike) {}

  get(): PinoLike {
    this.instance ??= this.build();
    return this.instance;
  }
}

class LazyLogger implements Logger {
  private instance: PinoLike | undefined;
  private readonly rank: number;

  constructor(
    private readonly root: PinoRoot,
    readonly level: LogLevel,
    private readonly bindings: LogFields | undefined,
  ) {
    this.rank = levelRank(level);
  }

  enabled(candidate: EnabledLogLevel): boolean {
    return levelRank(candidate) >= this.rank;
  }

  private pino(): PinoLike {
    if (this.instance === undefined) {
      const root = this.root.get();
      this.instance = this.bindings === undefined ? root : root.child(this.bindings);
    }
    return this.instance;
  }

  trace(fields: LogFields, message: string): void {
    if (this.enabled("trace")) this.pino().trace(fields, message);
  }

  debug(fields: LogFields, message: string): void {
    if (this.enabled("debug")) this.pino().debug(fields, message);
  }

  info(fields: LogFields, message: string): void {
    if (this.enabled("info")) this.pino().info(fields, message);
  }

  warn(fields: LogFields, message: string): void {
    if (this.enabled("warn")) this.pino().warn(fields, message);
  }

  error(fields: LogFields, message: string): void {
    if (this.enabled("error")) this.pino().error(fields, message);
  }

  child(bindings: LogFields): Logger {
    return new LazyLogger(this.root, this.level, { ...this.bindings, ...bindings });
  }
}

/** Creates the logger described by the environment; `silentLogger` when the level is `off`. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const level = options.level ?? logLevelFromEnv(options.env);
  if (level === "off") return silentLogger;
  const out = options.destination ?? process.stderr;
  const json = (options.env.LOG_FORMAT ?? "").trim().toLowerCase() === "json";
  const root = new PinoRoot(() => {
    const { pino } = createRequire(import.meta.url)("pino") as { pino: PinoFactory };
    const destination = json ? { write: (line: string) => out.write(line) } : { write: (line: string) => out.write(formatTextRecord(line)) };
    return pino(
      {
        level,
        base: undefined,
        messageKey: "msg",
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label: string) => ({ level: label }) },
      },
      destination,
    ) as unknown as PinoLike;
  });
  return new LazyLogger(root, level, undefined);
}
