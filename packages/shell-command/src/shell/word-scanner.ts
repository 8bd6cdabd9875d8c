import type { ShellList, ShellWord, WordPart } from "./shell-ast.js";

/** Internal: the script is not valid shell syntax (or nests too deeply). Never escapes `parseShellScript`. */
export class ShellSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at offset ${position}`);
    this.name = "ShellSyntaxError";
  }
}

/** Parses nested scripts found inside words; supplied by the parser so the scanner stays grammar-free. */
export interface NestedScriptParser {
  /** Parses a list starting at `start` up to its closing `)`; returns the offset just after the `)`. */
  untilParen(source: string, start: number, depth: number): { list: ShellList; end: number };
  /** Parses a complete script (the text of a backtick substitution). */
  whole(source: string, depth: number): ShellList;
}

export const MAX_NESTING = 64;

const WORD_METACHARS = new Set([" ", "\t", "\n", ";", "&", "|", "(", ")", "<", ">"]);
const PLAIN_RUN = /[^\s;&|()<>\\'"$`]+/y;
const DOUBLE_QUOTED_RUN = /[^"\\$`]+/y;
const HEREDOC_RUN = /[^\\$`]+/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;
const ANSI_C_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

export function isWordMetachar(char: string | undefined): boolean {
  return char !== undefined && WORD_METACHARS.has(char);
}

/** Quote-removed value of a list of parts. */
export function valueOfParts(parts: readonly WordPart[]): string {
  let value = "";
  for (const part of parts) value += part.text;
  return value;
}

/** Reads words, quoted strings and expansions from `source`, starting at `pos`. */
export class WordScanner {
  constructor(
    readonly source: string,
    public pos: number,
    protected readonly nested: NestedScriptParser,
    protected readonly depth: number,
  ) {}

  /** Reads one word; `pos` must be at a character that is not a metacharacter or blank. */
  readWord(): ShellWord {
    const start = this.pos;
    const parts: WordPart[] = [];
    const { source } = this;
    while (this.pos < source.length) {
      const char = source[this.pos]!;
      if (WORD_METACHARS.has(char)) {
        if (char === "(" && ASSIGNMENT_PREFIX.test(source.slice(start, this.pos))) {
          this.readArrayLiteral(parts);
          continue;
        }
        break;
      }
      switch (char) {
        case "\\":
          this.readBackslash(parts);
          break;
        case "'": {
          const end = source.indexOf("'", this.pos + 1);
          if (end < 0) throw new ShellSyntaxError("unterminated single quote", this.pos);
          pushLiteral(parts, source.slice(this.pos + 1, end), true);
          this.pos = end + 1;
          break;
        }
        case '"':
          this.pos += 1;
          this.readQuotedRun(parts, '"');
          break;
        case "$":
          this.readDollar(parts, false);
          break;
        case "`":
          this.readBacktick(parts, false);
          break;
        default: {
          PLAIN_RUN.lastIndex = this.pos;
          const match = PLAIN_RUN.exec(source);
          const text = match ? match[0] : char;
          pushLiteral(parts, text, false);
          this.pos += text.length;
        }
      }
    }
    return { raw: source.slice(start, this.pos), parts, value: valueOfParts(parts) };
  }

  /** Parts of an unquoted here-document body: expansions are live, quotes are plain text. */
  readHeredocParts(): WordPart[] {
    const parts: WordPart[] = [];
    this.readQuotedRun(parts, undefined);
    return parts;
  }

  private readBackslash(parts: WordPart[]): void {
    const next = this.source[this.pos + 1];
    if (next === undefined) {
      pushLiteral(parts, "\\", false);
      this.pos += 1;
    } else if (next === "\n") {
      this.pos += 2;
    } else {
      pushLiteral(parts, next, true);
      this.pos += 2;
    }
  }

  /** Reads double-quoted text (terminator `"`) or a here-document body (no terminator: to the end). */
  private readQuotedRun(parts: WordPart[], terminator: '"' | undefined): void {
    const { source } = this;
    const run = terminator === undefined ? HEREDOC_RUN : DOUBLE_QUOTED_RUN;
    while (this.pos < source.length) {
      const char = source[this.pos]!;
      if (char === terminator) {
        this.pos += 1;
        return;
      }
      if (char === "\\") {
        const next = source[this.pos + 1];
        if (next === "\n") {
          this.pos += 2;
        } else if (next !== undefined && (next === "$" || next === "`" || next === "\\" || next === terminator)) {
          pushLiteral(parts, next, true);
          this.pos += 2;
        } else {
          pushLiteral(parts, "\\", true);
          this.pos += 1;
        }
      } else if (char === "$") {
        this.readDollar(parts, true);
      } else if (char === "`") {
        this.readBacktick(parts, true);
      } else {
        run.lastIndex = this.pos;
        const text = run.exec(source)?.[0] ?? char;
        pushLiteral(parts, text, true);
        this.pos += text.length;
      }
    }
    if (terminator !== undefined) throw new ShellSyntaxError("unterminated double quote", this.pos);
  }

  private readDollar(parts: WordPart[], inQuotes: boolean): void {
    const { source } = this;
    const start = this.pos;
    const next = source[start + 1];
    if (next === "(" && source[start + 2] === "(") {
      const end = scanArithmeticEnd(source, start + 3);
      parts.push({ kind: "arithmetic", text: source.slice(start, end) });
      this.pos = end;
    } else if (next === "(") {
      this.guardDepth();
      const { list, end } = this.nested.untilParen(source, start + 2, this.depth + 1);
      parts.push({ kind: "command-substitution", text: source.slice(start, end), body: list, backtick: false });
      this.pos = end;
    } else if (next === "{") {
      this.readBracedParameter(parts);
    } else if (next === "[") {
      const end = source.indexOf("]", start + 2);
      if (end < 0) throw new ShellSyntaxError("unterminated $[", start);
      parts.push({ kind: "arithmetic", text: source.slice(start, end + 1) });
      this.pos = end + 1;
    } else if (next !== undefined && /[A-Za-z_]/.test(next)) {
      NAME.lastIndex = start + 1;
      const name = NAME.exec(source)![0];
      parts.push({ kind: "parameter", text: `$${name}`, nested: [] });
      this.pos = start + 1 + name.length;
    } else if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      parts.push({ kind: "parameter", text: `$${next}`, nested: [] });
      this.pos = start + 2;
    } else if (next === "'" && !inQuotes) {
      this.readAnsiCString(parts);
    } else if (next === '"' && !inQuotes) {
      this.pos = start + 2;
      this.readQuotedRun(parts, '"');
    } else {
      pushLiteral(parts, "$", inQuotes);
      this.pos = start + 1;
    }
  }

  private readBracedParameter(parts: WordPart[]): void {
    const { source } = this;
    const start = this.pos;
    const nested: ShellList[] = [];
    let depth = 1;
    let index = start + 2;
    while (index < source.length) {
      const char = source[index]!;
      if (char === "\\") {
        index += 2;
      } else if (char === "'" || char === '"') {
        const close = source.indexOf(char, index + 1);
        if (close < 0) throw new ShellSyntaxError("unterminated quote in ${...}", index);
        index = close + 1;
      } else if (char === "$" && source[index + 1] === "(" && source[index + 2] !== "(") {
        this.guardDepth();
        const { list, end } = this.nested.untilParen(source, index + 2, this.depth + 1);
        nested.push(list);
        index = end;
      } else if (char === "$" && source[index + 1] === "{") {
        depth += 1;
        index += 2;
      } else if (char === "}") {
        depth -= 1;
        index += 1;
        if (depth === 0) {
          parts.push({ kind: "parameter", text: source.slice(start, index), nested });
          this.pos = index;
          return;
        }
      } else {
        index += 1;
      }
    }
    throw new ShellSyntaxError("unterminated ${", start);
  }

  private readAnsiCString(parts: WordPart[]): void {
    const { source } = this;
    let index = this.pos + 2;
    let text = "";
    while (index < source.length && source[index] !== "'") {
      const char = source[index]!;
      if (char === "\\" && index + 1 < source.length) {
        const escaped = source[index + 1]!;
        text += ANSI_C_ESCAPES[escaped] ?? `\\${escaped}`;
        index += 2;
      } else {
        text += char;
        index += 1;
      }
    }
    if (index >= source.length) throw new ShellSyntaxError("unterminated $'", this.pos);
    pushLiteral(parts, text, true);
    this.pos = index + 1;
  }

  private readBacktick(parts: WordPart[], inQuotes: boolean): void {
    const { source } = this;
    const start = this.pos;
    let index = start + 1;
    let inner = "";
    while (index < source.length && source[index] !== "`") {
      const char = source[index]!;
      const next = source[index + 1];
      if (char === "\\" && next !== undefined && (next === "$" || next === "`" || next === "\\" || (inQuotes && next === '"'))) {
        inner += next;
        index += 2;
      } else {
        inner += char;
        index += 1;
      }
    }
    if (index >= source.length) throw new ShellSyntaxError("unterminated backquote", start);
    this.guardDepth();
    const body = this.nested.whole(inner, this.depth + 1);
    parts.push({ kind: "command-substitution", text: source.slice(start, index + 1), body, backtick: true });
    this.pos = index + 1;
  }

  /** `name=( a b c )`: the elements are words; their parts are kept so nested substitutions are seen. */
  private readArrayLiteral(parts: WordPart[]): void {
    const { source } = this;
    pushLiteral(parts, "(", false);
    this.pos += 1;
    for (;;) {
      while (/[ \t\n]/.test(source[this.pos] ?? "")) this.pos += 1;
      const char = source[this.pos];
      if (char === undefined) throw new ShellSyntaxError("unterminated array assignment", this.pos);
      if (char === ")") {
        pushLiteral(parts, ")", false);
        this.pos += 1;
        return;
      }
      if (WORD_METACHARS.has(char)) throw new ShellSyntaxError(`unexpected '${char}' in array assignment`, this.pos);
      const element = this.readWord();
      for (const part of element.parts) {
        if (part.kind === "literal") pushLiteral(parts, part.text, part.quoted);
        else parts.push(part);
      }
      pushLiteral(parts, " ", true);
    }
  }

  protected guardDepth(): void {
    if (this.depth >= MAX_NESTING) throw new ShellSyntaxError("script nests too deeply", this.pos);
  }
}

/** Offset just after the `))` that closes an arithmetic expansion or command whose body starts at `from`. */
export function scanArithmeticEnd(source: string, from: number): number {
  let depth = 0;
  for (let index = from; index < source.length; index += 1) {
    const char = source[index];
    if (char === "(") depth += 1;
    else if (char === ")") {
      if (depth === 0) {
        if (source[index + 1] === ")") return index + 2;
        throw new ShellSyntaxError("unbalanced parentheses in arithmetic", index);
      }
      depth -= 1;
    }
  }
  throw new ShellSyntaxError("unterminated arithmetic", from);
}

function pushLiteral(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.kind === "literal" && last.quoted === quoted) {
    last.text += text;
  } else {
    parts.push({ kind: "literal", text, quoted });
  }
}
