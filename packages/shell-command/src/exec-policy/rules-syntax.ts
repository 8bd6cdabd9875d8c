import { type SourcePosition, parseError } from "./exec-policy-error.js";
import { type RulesToken, tokenizeRules } from "./rules-lexer.js";

/** A literal value in a rules file, with where it was written. */
export type RulesValue = SourcePosition &
  (
    | { kind: "string"; value: string }
    | { kind: "list"; items: RulesValue[] }
    | { kind: "none" }
    | { kind: "bool"; value: boolean }
    | { kind: "number"; text: string }
  );

export interface RulesArgument extends SourcePosition {
  /** Keyword name, or `undefined` for a positional argument. */
  name: string | undefined;
  value: RulesValue;
}

export interface RulesCall extends SourcePosition {
  name: string;
  args: RulesArgument[];
}

/**
 * Parses a rules file into its top-level calls. The language is the subset of Starlark that rules
 * files use: statements are calls `name(arg, key=value, ...)` separated by newlines or `;`, and values
 * are strings, lists, numbers, `True`, `False` and `None`. Anything else is a syntax error.
 */
export function parseRulesSyntax(file: string, source: string): RulesCall[] {
  const tokens = tokenizeRules(file, source);
  let index = 0;
  const peek = (): RulesToken => tokens[index]!;
  const next = (): RulesToken => tokens[Math.min(index++, tokens.length - 1)]!;
  const fail = (token: RulesToken, reason: string): never => {
    throw parseError(file, token, reason);
  };
  const describe = (token: RulesToken): string =>
    token.kind === "eof" ? "end of file" : token.kind === "newline" ? "end of line" : token.kind === "string" ? "a string" : `\`${token.text}\``;
  const isPunct = (token: RulesToken, text: string): boolean => token.kind === "punct" && token.text === text;
  const expectPunct = (text: string, context: string): RulesToken => {
    const token = next();
    if (!isPunct(token, text)) fail(token, `expected \`${text}\` ${context} but found ${describe(token)}`);
    return token;
  };

  function parseValue(): RulesValue {
    const token = next();
    const at = { line: token.line, column: token.column };
    switch (token.kind) {
      case "string":
        return { kind: "string", value: token.text, ...at };
      case "number":
        return { kind: "number", text: token.text, ...at };
      case "name":
        if (token.text === "None") return { kind: "none", ...at };
        if (token.text === "True" || token.text === "False") return { kind: "bool", value: token.text === "True", ...at };
        if (isPunct(peek(), "(")) return fail(token, `function calls such as \`${token.text}(...)\` cannot be used as values`);
        return fail(token, `unknown name \`${token.text}\`; rules files support only literal strings, lists, numbers, True, False and None`);
      case "punct":
        if (token.text === "[") {
          const items: RulesValue[] = [];
          while (!isPunct(peek(), "]")) {
            items.push(parseValueWithoutOperators());
            if (!isPunct(peek(), ",")) break;
            next();
          }
          expectPunct("]", "to close the list");
          return { kind: "list", items, ...at };
        }
        if (token.text === "-" && peek().kind === "number") {
          const number = next();
          return { kind: "number", text: `-${number.text}`, ...at };
        }
        return fail(token, `expected a value but found ${describe(token)}`);
      default:
        return fail(token, `expected a value but found ${describe(token)}`);
    }
  }

  function parseValueWithoutOperators(): RulesValue {
    const value = parseValue();
    const after = peek();
    if (after.kind === "punct" && ![",", ")", "]"].includes(after.text)) {
      fail(after, `operators such as \`${after.text}\` are not supported in rules files`);
    }
    if (after.kind === "string" || after.kind === "name" || after.kind === "number") {
      fail(after, `expected \`,\` between values but found ${describe(after)}`);
    }
    return value;
  }

  const parseCall = (): RulesCall => {
    const nameToken = next();
    if (nameToken.kind !== "name") return fail(nameToken, `expected a rule such as prefix_rule(...) but found ${describe(nameToken)}`);
    const open = peek();
    if (isPunct(open, "=")) fail(open, "assignments are not supported in rules files; write prefix_rule(...) calls only");
    if (!isPunct(open, "(")) fail(open, `expected \`(\` after \`${nameToken.text}\` but found ${describe(open)}`);
    next();
    const args: RulesArgument[] = [];
    let sawKeyword = false;
    while (!isPunct(peek(), ")")) {
      const start = peek();
      let name: string | undefined;
      if (start.kind === "name" && isPunct(tokens[index + 1]!, "=")) {
        name = start.text;
        index += 2;
        sawKeyword = true;
      } else if (sawKeyword) {
        fail(start, "positional argument follows keyword argument");
      }
      args.push({ name, value: parseValueWithoutOperators(), line: start.line, column: start.column });
      if (!isPunct(peek(), ",")) break;
      next();
    }
    expectPunct(")", `to close the call to ${nameToken.text}()`);
    return { name: nameToken.text, args, line: nameToken.line, column: nameToken.column };
  };

  const calls: RulesCall[] = [];
  for (;;) {
    const token = peek();
    if (token.kind === "eof") return calls;
    if (token.kind === "newline" || isPunct(token, ";")) {
      next();
      continue;
    }
    calls.push(parseCall());
    const end = peek();
    if (end.kind !== "newline" && end.kind !== "eof" && !isPunct(end, ";")) {
      fail(end, `expected the end of the statement but found ${describe(end)}`);
    }
  }
}
