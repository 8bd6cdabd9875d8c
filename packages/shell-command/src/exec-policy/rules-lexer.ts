import { type SourcePosition, parseError } from "./exec-policy-error.js";

export type RulesTokenKind = "name" | "string" | "number" | "punct" | "newline" | "eof";

export interface RulesToken extends SourcePosition {
  kind: RulesTokenKind;
  /** Source text for names, numbers and punctuation; the decoded value for strings. */
  text: string;
}

const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", "=", ";", ":", ".", "+", "-", "*", "/", "%", "<", ">", "!", "|", "&"]);
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /[0-9][0-9A-Za-z_.]*/y;
/** Runs of string characters that need no attention (the quote itself may still close the string). */
const SINGLE_QUOTED_RUN = /[^'\\\n]+/y;
const DOUBLE_QUOTED_RUN = /[^"\\\n]+/y;
const OPENERS = new Set(["(", "[", "{"]);
const CLOSERS = new Set([")", "]", "}"]);
const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

/**
 * Tokenizes the Starlark subset used by `.rules` files: names, string literals (single, double and
 * triple quoted, optional `r` prefix), numbers, punctuation, `#` comments. Newlines inside brackets
 * are insignificant, as in Starlark.
 */
export function tokenizeRules(file: string, source: string): RulesToken[] {
  const tokens: RulesToken[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  const here = (): SourcePosition => ({ line, column: index - lineStart + 1 });

  while (index < source.length) {
    const char = source[index]!;
    if (char === "\n") {
      if (depth === 0) tokens.push({ kind: "newline", text: "\n", ...here() });
      index += 1;
      line += 1;
      lineStart = index;
    } else if (char === " " || char === "\t" || char === "\r") {
      index += 1;
    } else if (char === "\\" && source[index + 1] === "\n") {
      index += 2;
      line += 1;
      lineStart = index;
    } else if (char === "#") {
      const end = source.indexOf("\n", index);
      index = end < 0 ? source.length : end;
    } else if (isNameStart(char)) {
      const start = here();
      NAME.lastIndex = index;
      const name = NAME.exec(source)![0];
      const quote = source[index + name.length];
      if ((name === "r" || name === "R") && (quote === "'" || quote === '"')) {
        index += 1;
        readString(true, start);
      } else {
        tokens.push({ kind: "name", text: name, ...start });
        index += name.length;
      }
    } else if (char >= "0" && char <= "9") {
      NUMBER.lastIndex = index;
      const text = NUMBER.exec(source)![0];
      tokens.push({ kind: "number", text, ...here() });
      index += text.length;
    } else if (char === "'" || char === '"') {
      readString(false, here());
    } else if (PUNCTUATION.has(char)) {
      if (OPENERS.has(char)) depth += 1;
      else if (CLOSERS.has(char)) depth = Math.max(0, depth - 1);
      tokens.push({ kind: "punct", text: char, ...here() });
      index += 1;
    } else {
      throw parseError(file, here(), `unexpected character ${JSON.stringify(char)}`);
    }
  }
  tokens.push({ kind: "newline", text: "\n", ...here() }, { kind: "eof", text: "", ...here() });
  return tokens;

  function readString(raw: boolean, start: SourcePosition): void {
    const quote = source[index]!;
    const triple = source.startsWith(quote.repeat(3), index);
    const delimiter = triple ? quote.repeat(3) : quote;
    index += delimiter.length;
    let value = "";
    for (;;) {
      if (index >= source.length) throw parseError(file, start, "unterminated string literal");
      if (source.startsWith(delimiter, index)) {
        index += delimiter.length;
        break;
      }
      const char = source[index]!;
      if (char === "\n") {
        if (!triple) throw parseError(file, start, "unterminated string literal (a newline needs a triple-quoted string)");
        value += char;
        index += 1;
        line += 1;
        lineStart = index;
      } else if (char === "\\") {
        value += raw ? readRawEscape() : readEscape();
      } else {
        const run = quote === "'" ? SINGLE_QUOTED_RUN : DOUBLE_QUOTED_RUN;
        run.lastIndex = index;
        const text = run.exec(source)?.[0] ?? char;
        value += text;
        index += text.length;
      }
    }
    tokens.push({ kind: "string", text: value, ...start });
  }

  function readRawEscape(): string {
    const next = source[index + 1] ?? "";
    index += next === "" ? 1 : 2;
    if (next === "\n") {
      line += 1;
      lineStart = index;
    }
    return `\\${next}`;
  }

  function readEscape(): string {
    const at = here();
    const next = source[index + 1];
    if (next === "\n") {
      index += 2;
      line += 1;
      lineStart = index;
      return "";
    }
    if (next !== undefined && next in SIMPLE_ESCAPES && !/[0-7]/.test(source[index + 2] ?? "")) {
      index += 2;
      return SIMPLE_ESCAPES[next]!;
    }
    const hex = /^(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3})/.exec(source.slice(index + 1, index + 10));
    if (hex === null) throw parseError(file, at, `invalid escape sequence \\${next ?? ""}`);
    const digits = hex[0];
    index += 1 + digits.length;
    const codePoint = /^[0-7]/.test(digits) ? Number.parseInt(digits, 8) : Number.parseInt(digits.slice(1), 16);
    if (codePoint > 0x10ffff) throw parseError(file, at, `invalid escape sequence \\${digits}`);
    return String.fromCodePoint(codePoint);
  }
}

function isNameStart(char: string): boolean {
  return (char >= "a" && char <= "z") || (char >= "A" && char <= "Z") || char === "_";
}
