import type { Redirection, ShellWord } from "./shell-ast.js";
import { type NestedScriptParser, ShellSyntaxError, WordScanner, isWordMetachar, scanArithmeticEnd } from "./word-scanner.js";

export type ShellToken =
  | { type: "word"; word: ShellWord }
  | { type: "op"; op: string; fd: string | undefined }
  | { type: "newline" }
  | { type: "eof" };

/** Operators, longest first so that the first prefix match wins. */
const OPERATORS = [
  ";;&",
  "&>>",
  "<<<",
  "<<-",
  "&&",
  "||",
  ";;",
  ";&",
  "|&",
  "&>",
  "<<",
  ">>",
  "<>",
  "<&",
  ">&",
  ">|",
  "((",
  ";",
  "&",
  "|",
  "(",
  ")",
  "<",
  ">",
] as const;

export const REDIRECTION_OPERATORS: ReadonlySet<string> = new Set([
  "<",
  ">",
  ">>",
  ">|",
  "<>",
  "<&",
  ">&",
  "&>",
  "&>>",
  "<<",
  "<<-",
  "<<<",
]);

interface PendingHeredoc {
  redirection: Redirection;
  delimiter: string;
  stripTabs: boolean;
}

/** Turns shell source into tokens on demand, with one token of lookahead. */
export class ShellLexer extends WordScanner {
  private peeked: ShellToken | undefined;
  private readonly pendingHeredocs: PendingHeredoc[] = [];

  constructor(source: string, pos: number, nested: NestedScriptParser, depth: number) {
    super(source, pos, nested, depth);
  }

  get nestingDepth(): number {
    return this.depth;
  }

  peek(): ShellToken {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  next(): ShellToken {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  /** Offset of the next unread character; only meaningful when nothing is peeked. */
  get offset(): number {
    if (this.peeked !== undefined) throw new Error("ShellLexer.offset read with a peeked token");
    return this.pos;
  }

  /** Registers a here-document whose body starts after the next newline. */
  addHeredoc(redirection: Redirection, stripTabs: boolean): void {
    this.pendingHeredocs.push({ redirection, delimiter: redirection.target.value, stripTabs });
  }

  /** Reads the body of `(( ... ))` after its opening `((` token. */
  readArithmeticCommand(): string {
    if (this.peeked !== undefined) throw new ShellSyntaxError("unexpected token after ((", this.pos);
    const end = scanArithmeticEnd(this.source, this.pos);
    const text = this.source.slice(this.pos, end - 2);
    this.pos = end;
    return text;
  }

  private lex(): ShellToken {
    const { source } = this;
    for (;;) {
      const char = source[this.pos];
      if (char === " " || char === "\t" || char === "\r") {
        this.pos += 1;
      } else if (char === "\\" && source[this.pos + 1] === "\n") {
        this.pos += 2;
      } else if (char === "#") {
        const end = source.indexOf("\n", this.pos);
        this.pos = end < 0 ? source.length : end;
      } else {
        break;
      }
    }
    const char = source[this.pos];
    if (char === undefined) {
      this.pendingHeredocs.length = 0;
      return { type: "eof" };
    }
    if (char === "\n") {
      this.pos += 1;
      this.readHeredocBodies();
      return { type: "newline" };
    }
    if ((char === "<" || char === ">") && source[this.pos + 1] === "(") {
      return { type: "word", word: this.readProcessSubstitution(char) };
    }
    if (isWordMetachar(char)) return this.readOperator(undefined);
    const word = this.readWord();
    const after = source[this.pos];
    if (/^[0-9]+$/.test(word.raw) && (after === "<" || after === ">")) return this.readOperator(word.raw);
    return { type: "word", word };
  }

  private readOperator(fd: string | undefined): ShellToken {
    for (const op of OPERATORS) {
      if (this.source.startsWith(op, this.pos)) {
        if (fd !== undefined && !REDIRECTION_OPERATORS.has(op)) break;
        this.pos += op.length;
        return { type: "op", op, fd };
      }
    }
    throw new ShellSyntaxError(`unexpected character '${this.source[this.pos] ?? ""}'`, this.pos);
  }

  private readProcessSubstitution(direction: "<" | ">"): ShellWord {
    const start = this.pos;
    this.guardDepth();
    const { list, end } = this.nested.untilParen(this.source, start + 2, this.depth + 1);
    this.pos = end;
    const text = this.source.slice(start, end);
    return { raw: text, value: text, parts: [{ kind: "process-substitution", text, direction, body: list }] };
  }

  private readHeredocBodies(): void {
    const { source } = this;
    for (const pending of this.pendingHeredocs.splice(0)) {
      let body = "";
      for (;;) {
        if (this.pos >= source.length) break;
        const newline = source.indexOf("\n", this.pos);
        const lineEnd = newline < 0 ? source.length : newline;
        const rawLine = source.slice(this.pos, lineEnd);
        const line = pending.stripTabs ? rawLine.replace(/^\t+/, "") : rawLine;
        this.pos = newline < 0 ? source.length : newline + 1;
        if (line === pending.delimiter) break;
        body += `${line}\n`;
      }
      const quoted = pending.redirection.target.parts.some((part) => part.kind === "literal" && part.quoted);
      const parts = quoted
        ? [{ kind: "literal" as const, text: body, quoted: true }]
        : new WordScanner(body, 0, this.nested, this.depth).readHeredocParts();
      pending.redirection.heredoc = { body, quoted, parts };
    }
  }
}
