import type {
  AndOrList,
  CompoundCommand,
  CompoundKind,
  Pipeline,
  Redirection,
  RedirectionOperator,
  ShellCommand,
  ShellList,
  ShellWord,
} from "./shell-ast.js";
import { REDIRECTION_OPERATORS, ShellLexer, type ShellToken } from "./shell-lexer.js";
import { MAX_NESTING, type NestedScriptParser, ShellSyntaxError } from "./word-scanner.js";

type Stop = (token: ShellToken) => boolean;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const CASE_TERMINATORS = new Set([";;", ";&", ";;&"]);

const nestedParser: NestedScriptParser = {
  untilParen(source, start, depth) {
    const parser = new ShellParser(source, start, depth);
    const list = parser.parseList(isOp(")"));
    parser.expectOp(")");
    return { list, end: parser.lexer.offset };
  },
  whole(source, depth) {
    return new ShellParser(source, 0, depth).parseScript();
  },
};

/** Parses a complete script; throws `ShellSyntaxError` when it is not valid (supported) shell syntax. */
export function parseShellAst(script: string): ShellList {
  return new ShellParser(script, 0, 0).parseScript();
}

/** The reserved word a token spells, if it is an unquoted literal word. */
function reservedWord(token: ShellToken): string | undefined {
  if (token.type !== "word") return undefined;
  const [part, ...rest] = token.word.parts;
  return part !== undefined && rest.length === 0 && part.kind === "literal" && !part.quoted ? part.text : undefined;
}

function isOp(...ops: string[]): Stop {
  return (token) => token.type === "op" && ops.includes(token.op);
}

function isWord(...words: string[]): Stop {
  return (token) => {
    const word = reservedWord(token);
    return word !== undefined && words.includes(word);
  };
}

class ShellParser {
  readonly lexer: ShellLexer;
  private nesting = 0;

  constructor(source: string, start: number, depth: number) {
    this.lexer = new ShellLexer(source, start, nestedParser, depth);
  }

  parseScript(): ShellList {
    const list = this.parseList(() => false);
    const token = this.lexer.next();
    if (token.type !== "eof") this.fail(`unexpected ${describe(token)}`);
    return list;
  }

  parseList(stop: Stop): ShellList {
    this.enter();
    const items: AndOrList[] = [];
    for (;;) {
      this.skipNewlines();
      let token = this.lexer.peek();
      if (token.type === "eof" || stop(token)) break;
      const item = this.parseAndOr();
      items.push(item);
      token = this.lexer.peek();
      if (token.type === "op" && (token.op === ";" || token.op === "&")) {
        this.lexer.next();
        item.background = token.op === "&";
      } else if (token.type === "newline") {
        this.lexer.next();
      } else if (token.type !== "eof" && !stop(token)) {
        this.fail(`unexpected ${describe(token)}`);
      }
    }
    this.nesting -= 1;
    return { items };
  }

  expectOp(op: string): void {
    const token = this.lexer.next();
    if (token.type !== "op" || token.op !== op) this.fail(`expected '${op}' but found ${describe(token)}`);
  }

  private parseNonEmptyList(stop: Stop, what: string): ShellList {
    const list = this.parseList(stop);
    if (list.items.length === 0) this.fail(`empty ${what}`);
    return list;
  }

  private expectWord(word: string): void {
    const token = this.lexer.next();
    if (reservedWord(token) !== word) this.fail(`expected '${word}' but found ${describe(token)}`);
  }

  private skipNewlines(): void {
    while (this.lexer.peek().type === "newline") this.lexer.next();
  }

  private parseAndOr(): AndOrList {
    const pipelines = [this.parsePipeline()];
    const operators: Array<"&&" | "||"> = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.type !== "op" || (token.op !== "&&" && token.op !== "||")) break;
      this.lexer.next();
      operators.push(token.op);
      this.skipNewlines();
      pipelines.push(this.parsePipeline());
    }
    return { pipelines, operators, background: false };
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    if (reservedWord(this.lexer.peek()) === "!") {
      this.lexer.next();
      negated = true;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      const token = this.lexer.peek();
      if (token.type !== "op" || (token.op !== "|" && token.op !== "|&")) break;
      this.lexer.next();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { negated, commands };
  }

  private parseCommand(): ShellCommand {
    const token = this.lexer.peek();
    if (token.type === "op" && token.op === "(") {
      this.lexer.next();
      const body = this.parseNonEmptyList(isOp(")"), "subshell");
      this.expectOp(")");
      return this.compound("subshell", [body], []);
    }
    if (token.type === "op" && token.op === "((") {
      this.lexer.next();
      const text = this.lexer.readArithmeticCommand();
      return this.compound("arithmetic", [], [{ raw: text, value: text, parts: [{ kind: "arithmetic", text }] }]);
    }
    switch (reservedWord(token)) {
      case "{": {
        this.lexer.next();
        const body = this.parseNonEmptyList(isWord("}"), "group");
        this.expectWord("}");
        return this.compound("group", [body], []);
      }
      case "if":
        return this.parseIf();
      case "for":
      case "select":
        return this.parseFor();
      case "while":
      case "until":
        return this.parseLoop();
      case "case":
        return this.parseCase();
      case "[[":
        return this.parseConditional();
      case "function":
        return this.parseFunctionKeyword();
      case "then":
      case "elif":
      case "else":
      case "fi":
      case "do":
      case "done":
      case "esac":
      case "}":
        return this.fail(`unexpected '${reservedWord(token)}'`);
      default:
        return this.parseSimpleCommand();
    }
  }

  private parseSimpleCommand(): ShellCommand {
    const assignments: ShellWord[] = [];
    const words: ShellWord[] = [];
    const redirections: Redirection[] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.type === "word") {
        this.lexer.next();
        if (words.length === 0 && isAssignment(token.word)) {
          assignments.push(token.word);
          continue;
        }
        words.push(token.word);
        const after = this.lexer.peek();
        if (words.length === 1 && assignments.length === 0 && redirections.length === 0 && after.type === "op" && after.op === "(") {
          this.lexer.next();
          this.expectOp(")");
          return { type: "function", name: token.word.value, body: this.parseFunctionBody() };
        }
      } else if (token.type === "op" && REDIRECTION_OPERATORS.has(token.op)) {
        redirections.push(this.parseRedirection());
      } else {
        break;
      }
    }
    if (assignments.length === 0 && words.length === 0 && redirections.length === 0) {
      this.fail(`unexpected ${describe(this.lexer.peek())}`);
    }
    return { type: "simple", assignments, words, redirections };
  }

  private parseRedirection(): Redirection {
    const token = this.lexer.next();
    if (token.type !== "op") return this.fail("expected a redirection");
    const target = this.lexer.next();
    if (target.type !== "word") return this.fail(`expected a word after '${token.op}'`);
    const redirection: Redirection = { operator: token.op as RedirectionOperator, fd: token.fd, target: target.word };
    if (token.op === "<<" || token.op === "<<-") this.lexer.addHeredoc(redirection, token.op === "<<-");
    return redirection;
  }

  private compound(kind: CompoundKind, bodies: ShellList[], words: ShellWord[]): CompoundCommand {
    const redirections: Redirection[] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.type !== "op" || !REDIRECTION_OPERATORS.has(token.op)) break;
      redirections.push(this.parseRedirection());
    }
    return { type: "compound", kind, bodies, words, redirections };
  }

  private parseIf(): CompoundCommand {
    this.lexer.next();
    const bodies: ShellList[] = [];
    for (;;) {
      bodies.push(this.parseNonEmptyList(isWord("then"), "if condition"));
      this.expectWord("then");
      bodies.push(this.parseNonEmptyList(isWord("elif", "else", "fi"), "then branch"));
      const keyword = reservedWord(this.lexer.next());
      if (keyword === "elif") continue;
      if (keyword === "else") {
        bodies.push(this.parseNonEmptyList(isWord("fi"), "else branch"));
        this.expectWord("fi");
      }
      return this.compound("if", bodies, []);
    }
  }

  private parseFor(): CompoundCommand {
    const kind = reservedWord(this.lexer.next()) === "select" ? "select" : "for";
    const words: ShellWord[] = [];
    const head = this.lexer.next();
    if (head.type === "op" && head.op === "((") {
      const text = this.lexer.readArithmeticCommand();
      words.push({ raw: text, value: text, parts: [{ kind: "arithmetic", text }] });
    } else if (head.type !== "word") {
      this.fail(`expected a variable name after '${kind}'`);
    } else {
      this.skipNewlines();
      if (reservedWord(this.lexer.peek()) === "in") {
        this.lexer.next();
        for (let token = this.lexer.peek(); token.type === "word"; token = this.lexer.peek()) {
          words.push(token.word);
          this.lexer.next();
        }
      }
    }
    const separator = this.lexer.peek();
    if ((separator.type === "op" && separator.op === ";") || separator.type === "newline") this.lexer.next();
    this.skipNewlines();
    return this.compound(kind, [this.parseLoopBody()], words);
  }

  private parseLoop(): CompoundCommand {
    const kind = reservedWord(this.lexer.next()) === "until" ? "until" : "while";
    const condition = this.parseNonEmptyList(isWord("do"), `${kind} condition`);
    return this.compound(kind, [condition, this.parseLoopBody()], []);
  }

  private parseLoopBody(): ShellList {
    if (reservedWord(this.lexer.peek()) === "{") {
      this.lexer.next();
      const body = this.parseNonEmptyList(isWord("}"), "loop body");
      this.expectWord("}");
      return body;
    }
    this.expectWord("do");
    const body = this.parseNonEmptyList(isWord("done"), "loop body");
    this.expectWord("done");
    return body;
  }

  private parseCase(): CompoundCommand {
    this.lexer.next();
    const subject = this.lexer.next();
    if (subject.type !== "word") return this.fail("expected a word after 'case'");
    const words: ShellWord[] = [subject.word];
    const bodies: ShellList[] = [];
    this.skipNewlines();
    this.expectWord("in");
    for (;;) {
      this.skipNewlines();
      if (reservedWord(this.lexer.peek()) === "esac") {
        this.lexer.next();
        return this.compound("case", bodies, words);
      }
      const open = this.lexer.peek();
      if (open.type === "op" && open.op === "(") this.lexer.next();
      for (;;) {
        const pattern = this.lexer.next();
        if (pattern.type !== "word") this.fail(`expected a case pattern but found ${describe(pattern)}`);
        else words.push(pattern.word);
        const separator = this.lexer.peek();
        if (separator.type !== "op" || separator.op !== "|") break;
        this.lexer.next();
      }
      this.expectOp(")");
      const stopItem: Stop = (token) => (token.type === "op" && CASE_TERMINATORS.has(token.op)) || reservedWord(token) === "esac";
      bodies.push(this.parseList(stopItem));
      const end = this.lexer.peek();
      if (end.type === "op" && CASE_TERMINATORS.has(end.op)) this.lexer.next();
      else if (reservedWord(end) !== "esac") this.fail(`unexpected ${describe(end)} in case`);
    }
  }

  private parseConditional(): CompoundCommand {
    this.lexer.next();
    const words: ShellWord[] = [];
    for (;;) {
      const token = this.lexer.next();
      if (token.type === "eof") this.fail("unterminated [[");
      if (reservedWord(token) === "]]") break;
      if (token.type === "word") words.push(token.word);
      else if (token.type === "op") words.push({ raw: token.op, value: token.op, parts: [{ kind: "literal", text: token.op, quoted: true }] });
    }
    return this.compound("conditional", [], words);
  }

  private parseFunctionKeyword(): ShellCommand {
    this.lexer.next();
    const name = this.lexer.next();
    if (name.type !== "word") return this.fail("expected a function name");
    const open = this.lexer.peek();
    if (open.type === "op" && open.op === "(") {
      this.lexer.next();
      this.expectOp(")");
    }
    return { type: "function", name: name.word.value, body: this.parseFunctionBody() };
  }

  private parseFunctionBody(): ShellCommand {
    this.skipNewlines();
    const body = this.parseCommand();
    if (body.type !== "compound") this.fail("a function body must be a compound command");
    return body;
  }

  private enter(): void {
    this.nesting += 1;
    if (this.nesting + this.lexer.nestingDepth > MAX_NESTING) this.fail("script nests too deeply");
  }

  private fail(message: string): never {
    throw new ShellSyntaxError(message, this.lexer.pos);
  }
}

function isAssignment(word: ShellWord): boolean {
  const first = word.parts[0];
  return first !== undefined && first.kind === "literal" && !first.quoted && ASSIGNMENT.test(first.text);
}

function describe(token: ShellToken): string {
  switch (token.type) {
    case "word":
      return `'${token.word.raw}'`;
    case "op":
      return `'${token.op}'`;
    case "newline":
      return "newline";
    case "eof":
      return "end of script";
  }
}
