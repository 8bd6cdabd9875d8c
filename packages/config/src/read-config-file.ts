import { readFile } from "node:fs/promises";
import { parse, TomlError } from "smol-toml";
import { ConfigError, formatSourceExcerpt } from "./diagnostics.js";
import type { TomlTable } from "./toml-value.js";

/** A config file as read from disk. */
export interface ConfigFileContents {
  file: string;
  bytes: Uint8Array;
  text: string;
  table: TomlTable;
}

/**
 * Reads and parses a TOML config file. Returns `undefined` when the file does not exist; throws a
 * `ConfigError` when it cannot be read (`CONFIG_UNREADABLE`) or is not valid TOML (`CONFIG_PARSE`).
 */
export async function readConfigFile(file: string): Promise<ConfigFileContents | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return undefined;
    }
    throw unreadable(file, code, error);
  }
  const text = decodeUtf8(file, bytes);
  return { file, bytes, text, table: parseConfigText(file, text) };
}

/** Parses TOML text that came from `file` (used in messages); throws `ConfigError` `CONFIG_PARSE`. */
export function parseConfigText(file: string, text: string): TomlTable {
  try {
    return parse(text) as TomlTable;
  } catch (error) {
    if (error instanceof TomlError) {
      throw syntaxError(file, text, error);
    }
    throw new ConfigError("CONFIG_PARSE", `${file}: ${(error as Error).message}`, { file });
  }
}

function syntaxError(file: string, text: string, error: TomlError): ConfigError {
  const lines = text.split("\n");
  const rawLine = lines[error.line - 1] ?? "";
  const lineText = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
  const column = [...lineText.slice(0, error.column - 1)].length + 1;
  const position = { line: error.line, column };
  const range = { start: position, end: position };
  const message = parserMessage(error);
  return new ConfigError("CONFIG_PARSE", formatSourceExcerpt({ file, message, range, lineText }), {
    file,
    range,
  });
}

function parserMessage(error: TomlError): string {
  const prefix = "Invalid TOML document: ";
  const body = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  const end = body.indexOf("\n\n");
  return end < 0 ? body : body.slice(0, end);
}

function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(
      "CONFIG_PARSE",
      `${file}: the file is not valid UTF-8; save it with UTF-8 encoding`,
      { file },
    );
  }
}

function unreadable(file: string, code: string | undefined, error: unknown): ConfigError {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return new ConfigError(
        "CONFIG_UNREADABLE",
        `cannot read ${file}: permission denied; give your user read access to it (for example chmod u+r) or remove it`,
        { file },
      );
    case "EISDIR":
      return new ConfigError(
        "CONFIG_UNREADABLE",
        `cannot read ${file}: it is a directory, not a TOML file; remove or rename it`,
        { file },
      );
    default:
      return new ConfigError(
        "CONFIG_UNREADABLE",
        `cannot read ${file}: ${code ?? (error as Error).message}`,
        { file },
      );
  }
}
