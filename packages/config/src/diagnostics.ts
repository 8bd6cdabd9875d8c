/** A 1-based line and 1-based column counted in characters. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A span of source text; `end` is the position just after the last character. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** A problem that does not stop loading (same shape as the app-server `configWarning` notification). */
export interface ConfigWarning {
  summary: string;
  details?: string;
  /** The file the warning is about, when there is one. */
  path?: string;
  range?: TextRange;
}

export type ConfigErrorCode =
  | "CONFIG_PARSE"
  | "CONFIG_TYPE"
  | "CONFIG_UNKNOWN_KEY"
  | "CONFIG_UNKNOWN_PROFILE"
  | "CONFIG_UNREADABLE";

export interface ConfigErrorLocation {
  file?: string;
  range?: TextRange;
  /** Display form of the key path the error is about (`sandbox_workspace_write.network_access`). */
  keyPath?: string;
}

/** A configuration file or flag that cannot be used. The message says where and what to fix. */
export class ConfigError extends Error {
  readonly file: string | undefined;
  readonly range: TextRange | undefined;
  readonly keyPath: string | undefined;

  constructor(
    readonly code: ConfigErrorCode,
    message: string,
    location: ConfigErrorLocation = {},
  ) {
    super(message);
    this.name = "ConfigError";
    this.file = location.file;
    this.range = location.range;
    this.keyPath = location.keyPath;
  }
}

export interface SourceExcerpt {
  file: string;
  message: string;
  range: TextRange;
  /** The text of `range.start.line`. */
  lineText: string;
  /** Appended as a last line ``in `key.path` `` when given. */
  keyPath?: string;
}

/**
 * Formats a message with its source position, the offending line and carets under the span:
 *
 * ```text
 * /home/me/.codex/config.toml:43:23: invalid type: string "true", expected a boolean
 *    |
 * 43 | network_access = "true"
 *    |                  ^^^^^^
 * ```
 */
export function formatSourceExcerpt(excerpt: SourceExcerpt): string {
  const { file, message, range, lineText, keyPath } = excerpt;
  const { line, column } = range.start;
  const number = String(line);
  const gutter = " ".repeat(number.length);
  const characters = [...lineText];
  const padding = characters
    .slice(0, column - 1)
    .map((character) => (character === "\t" ? "\t" : " "))
    .join("");
  const lastColumn = range.end.line === line ? range.end.column : characters.length + 1;
  const carets = "^".repeat(Math.max(1, lastColumn - column));
  const lines = [
    `${file}:${line}:${column}: ${message}`,
    `${gutter} |`,
    `${number} | ${lineText}`,
    `${gutter} | ${padding}${carets}`,
  ];
  if (keyPath !== undefined) {
    lines.push(`in \`${keyPath}\``);
  }
  return lines.join("\n");
}
