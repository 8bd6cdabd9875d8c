/**
 * Syntax tree of the POSIX/bash subset that `parseShellScript` understands. Only the parts needed to
 * classify a script are kept: words (with their quoting and expansions), simple commands, pipelines,
 * lists, compound commands and function definitions.
 */

/** One piece of a word. `value` of a word concatenates literal text and the source text of expansions. */
export type WordPart =
  /** Plain text; `quoted` is true when it came from quotes or a backslash escape (no globbing, no tilde). */
  | { kind: "literal"; text: string; quoted: boolean }
  /** `$NAME`, `${...}`, `$1`, `$@`...; `nested` holds command substitutions found inside `${...}`. */
  | { kind: "parameter"; text: string; nested: ShellList[] }
  /** `$(...)` or a backtick substitution, with its parsed body. */
  | { kind: "command-substitution"; text: string; body: ShellList; backtick: boolean }
  /** `$((...))` or `$[...]`. */
  | { kind: "arithmetic"; text: string }
  /** `<(...)` or `>(...)`, with its parsed body. */
  | { kind: "process-substitution"; text: string; direction: "<" | ">"; body: ShellList };

export interface ShellWord {
  /** The word as written in the source, quotes included. */
  raw: string;
  parts: WordPart[];
  /** Quote-removed text; expansions appear as their source text (e.g. `$HOME`). */
  value: string;
}

export type RedirectionOperator =
  | "<"
  | ">"
  | ">>"
  | ">|"
  | "<>"
  | "<&"
  | ">&"
  | "&>"
  | "&>>"
  | "<<"
  | "<<-"
  | "<<<";

export interface Redirection {
  operator: RedirectionOperator;
  /** Explicit file descriptor before the operator (`2>`), if any. */
  fd: string | undefined;
  /** The target word; for here-documents, the delimiter. */
  target: ShellWord;
  /** Here-document body (`<<`, `<<-`) and whether its delimiter was quoted (no expansions in the body). */
  heredoc?: { body: string; quoted: boolean; parts: WordPart[] };
}

export interface SimpleCommand {
  type: "simple";
  /** `NAME=value` words before the command name. */
  assignments: ShellWord[];
  words: ShellWord[];
  redirections: Redirection[];
}

export type CompoundKind =
  | "subshell"
  | "group"
  | "if"
  | "for"
  | "select"
  | "while"
  | "until"
  | "case"
  | "arithmetic"
  | "conditional";

export interface CompoundCommand {
  type: "compound";
  kind: CompoundKind;
  /** Nested command lists (conditions and bodies), in source order. */
  bodies: ShellList[];
  /** Words owned by the construct itself: `for` items, `case` subject and patterns, `[[ ]]` operands. */
  words: ShellWord[];
  redirections: Redirection[];
}

export interface FunctionDefinition {
  type: "function";
  name: string;
  body: ShellCommand;
}

export type ShellCommand = SimpleCommand | CompoundCommand | FunctionDefinition;

export interface Pipeline {
  negated: boolean;
  commands: ShellCommand[];
}

/** Pipelines joined by `&&` / `||`, ended by `;`, `&`, a newline or the end of the list. */
export interface AndOrList {
  pipelines: Pipeline[];
  operators: Array<"&&" | "||">;
  background: boolean;
}

export interface ShellList {
  items: AndOrList[];
}
