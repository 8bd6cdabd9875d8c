import { foldDiacritics, hasUpperCase, lowerPreservingLength } from "./text-fold.js";

/**
 * How one query term matches. Syntax (as in fzf and nucleo): `foo` fuzzy, `'foo` substring, `^foo`
 * prefix, `foo$` suffix, `^foo$` whole path, `!foo` must not contain. `\` escapes a space or a marker.
 */
export type TermKind = "fuzzy" | "substring" | "prefix" | "suffix" | "equal";

export interface QueryTerm {
  kind: TermKind;
  negated: boolean;
  /** Folded text; lower-cased unless `caseSensitive`. */
  text: string;
  /** Smart case: a term with an upper-case letter matches case-sensitively. */
  caseSensitive: boolean;
}

export interface QueryPattern {
  raw: string;
  /** All must match (negated ones must not). Empty when the query is blank. */
  terms: QueryTerm[];
}

function splitTokens(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  for (let i = 0; i < query.length; i += 1) {
    const ch = query.charAt(i);
    if (ch === "\\" && i + 1 < query.length) {
      current += ch + query.charAt(i + 1);
      i += 1;
    } else if (/\s/.test(ch)) {
      if (current !== "") tokens.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  if (current !== "") tokens.push(current);
  return tokens;
}

function unescapeQuery(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

function parseTerm(token: string): QueryTerm | undefined {
  let text = token;
  let negated = false;
  let kind: TermKind = "fuzzy";
  if (text.length > 1 && text.startsWith("!")) {
    negated = true;
    text = text.slice(1);
  }
  if (text.length > 1 && text.startsWith("^")) {
    kind = "prefix";
    text = text.slice(1);
  } else if (text.length > 1 && text.startsWith("'")) {
    kind = "substring";
    text = text.slice(1);
  }
  if (text.length > 1 && text.endsWith("$") && !text.endsWith("\\$")) {
    kind = kind === "prefix" ? "equal" : "suffix";
    text = text.slice(0, -1);
  }
  if (negated && kind === "fuzzy") kind = "substring";
  text = foldDiacritics(unescapeQuery(text));
  if (text === "") return undefined;
  const caseSensitive = hasUpperCase(text);
  return { kind, negated, text: caseSensitive ? text : lowerPreservingLength(text), caseSensitive };
}

export function parseQuery(query: string): QueryPattern {
  const terms: QueryTerm[] = [];
  for (const token of splitTokens(query)) {
    const term = parseTerm(token);
    if (term !== undefined) terms.push(term);
  }
  return { raw: query, terms };
}

/**
 * True when every path matching `next` also matches `previous`, so ranking `next` may start from the
 * matches of `previous`: `next` extends `previous` and nothing in `previous` can widen when extended
 * (a negation, a trailing `$` or `\`, or a lone marker character).
 */
export function canNarrow(previous: string, next: string): boolean {
  if (previous.trim() === "" || !next.startsWith(previous)) return false;
  const tokens = splitTokens(previous);
  if (tokens.some((token) => token.startsWith("!"))) return false;
  const trimmed = previous.trimEnd();
  if (trimmed.endsWith("$") || trimmed.endsWith("\\")) return false;
  const last = tokens[tokens.length - 1] ?? "";
  return !(last === "^" || last === "'");
}
