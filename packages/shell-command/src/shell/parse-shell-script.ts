import type { Redirection, ShellCommand, ShellList, ShellWord, WordPart } from "./shell-ast.js";
import { parseShellAst } from "./shell-parser.js";
import { ShellSyntaxError } from "./word-scanner.js";

/** Where a simple command sits in the script. */
export type CommandContext = "top" | "subshell" | "group" | "control-flow" | "function" | "substitution";

export interface ParsedCommand {
  /** Word values: quotes removed, expansions kept as written (`$HOME`, `$(pwd)`). */
  argv: string[];
  words: ShellWord[];
  /** `NAME=value` prefixes, as written. */
  assignments: string[];
  redirections: Redirection[];
  /** True when no word contains an expansion or substitution (globs and `~` are allowed). */
  literal: boolean;
  context: CommandContext;
}

/** Constructs found anywhere in the script. */
export interface ScriptFeatures {
  /** `&&`, `||`, `;` or newlines between commands. */
  sequence: boolean;
  pipeline: boolean;
  subshell: boolean;
  group: boolean;
  background: boolean;
  commandSubstitution: boolean;
  processSubstitution: boolean;
  parameterExpansion: boolean;
  arithmetic: boolean;
  /** Output redirection to something other than `/dev/null`, `/dev/stdout`, `/dev/stderr` or a descriptor. */
  fileOutputRedirection: boolean;
  inputRedirection: boolean;
  heredoc: boolean;
  controlFlow: boolean;
  functionDefinition: boolean;
  assignment: boolean;
}

export interface ParsedScript {
  script: string;
  ast: ShellList;
  /** Every simple command, outer before nested, in order of appearance. */
  commands: ParsedCommand[];
  /** Function definitions by name, with the simple commands of their bodies. */
  functions: Array<{ name: string; commands: ParsedCommand[] }>;
  features: ScriptFeatures;
  /**
   * True when the script is only literal commands joined by `&&`, `||`, `;`, `|`, newlines, subshells
   * and `{ }` groups, with no expansion, substitution, assignment, background job, control flow,
   * function definition or output redirection to a file (input redirection and here-documents are allowed).
   */
  simple: boolean;
}

const HARMLESS_OUTPUT_TARGETS = new Set(["/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/fd/1", "/dev/fd/2"]);

/**
 * Parses a shell script (the argument of `bash -lc`). Returns `undefined` when the script is not valid
 * shell syntax or uses constructs the parser does not analyse; callers must then treat it as opaque.
 */
export function parseShellScript(script: string): ParsedScript | undefined {
  let ast: ShellList;
  try {
    ast = parseShellAst(script);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return undefined;
    throw error;
  }
  return describeScript(script, ast);
}

function describeScript(script: string, ast: ShellList): ParsedScript {
  const features: ScriptFeatures = {
    sequence: false,
    pipeline: false,
    subshell: false,
    group: false,
    background: false,
    commandSubstitution: false,
    processSubstitution: false,
    parameterExpansion: false,
    arithmetic: false,
    fileOutputRedirection: false,
    inputRedirection: false,
    heredoc: false,
    controlFlow: false,
    functionDefinition: false,
    assignment: false,
  };
  const functions: ParsedScript["functions"] = [];
  let sink: ParsedCommand[] = [];

  const visitParts = (parts: readonly WordPart[]): boolean => {
    let literal = true;
    for (const part of parts) {
      switch (part.kind) {
        case "literal":
          break;
        case "parameter":
          literal = false;
          features.parameterExpansion = true;
          for (const nested of part.nested) {
            features.commandSubstitution = true;
            visitList(nested, "substitution");
          }
          break;
        case "command-substitution":
          literal = false;
          features.commandSubstitution = true;
          visitList(part.body, "substitution");
          break;
        case "process-substitution":
          literal = false;
          features.processSubstitution = true;
          visitList(part.body, "substitution");
          break;
        case "arithmetic":
          literal = false;
          features.arithmetic = true;
          break;
      }
    }
    return literal;
  };

  const visitRedirections = (redirections: readonly Redirection[]): void => {
    for (const redirection of redirections) {
      const targetLiteral = visitParts(redirection.target.parts);
      if (redirection.heredoc !== undefined) {
        features.heredoc = true;
        visitParts(redirection.heredoc.parts);
      } else if (redirection.operator === "<" || redirection.operator === "<<<" || redirection.operator === "<&") {
        features.inputRedirection = true;
      } else if (writesToFile(redirection, targetLiteral)) {
        features.fileOutputRedirection = true;
      }
    }
  };

  const visitCommand = (command: ShellCommand, context: CommandContext): void => {
    if (command.type === "function") {
      features.functionDefinition = true;
      const outer = sink;
      sink = [];
      visitCommand(command.body, "function");
      functions.push({ name: command.name, commands: sink });
      sink = outer.concat(sink);
      return;
    }
    if (command.type === "compound") {
      if (command.kind === "subshell") features.subshell = true;
      else if (command.kind === "group") features.group = true;
      else if (command.kind === "arithmetic") features.arithmetic = true;
      else features.controlFlow = true;
      for (const word of command.words) visitParts(word.parts);
      visitRedirections(command.redirections);
      const inner: CommandContext =
        context !== "top" ? context : command.kind === "subshell" || command.kind === "group" ? command.kind : "control-flow";
      for (const body of command.bodies) visitList(body, inner);
      return;
    }
    if (command.assignments.length > 0) features.assignment = true;
    const parsed: ParsedCommand = {
      argv: command.words.map((word) => word.value),
      words: command.words,
      assignments: command.assignments.map((word) => word.raw),
      redirections: command.redirections,
      literal: true,
      context,
    };
    if (command.words.length > 0) sink.push(parsed);
    for (const assignment of command.assignments) visitParts(assignment.parts);
    for (const word of command.words) {
      if (!visitParts(word.parts)) parsed.literal = false;
    }
    visitRedirections(command.redirections);
  };

  const visitList = (list: ShellList, context: CommandContext): void => {
    if (list.items.length > 1) features.sequence = true;
    for (const item of list.items) {
      if (item.background) features.background = true;
      if (item.operators.length > 0) features.sequence = true;
      for (const pipeline of item.pipelines) {
        if (pipeline.commands.length > 1) features.pipeline = true;
        for (const command of pipeline.commands) visitCommand(command, context);
      }
    }
  };

  visitList(ast, "top");
  const commands = sink;
  const simple =
    commands.length > 0 &&
    commands.every((command) => command.literal) &&
    !features.commandSubstitution &&
    !features.processSubstitution &&
    !features.parameterExpansion &&
    !features.arithmetic &&
    !features.fileOutputRedirection &&
    !features.background &&
    !features.controlFlow &&
    !features.functionDefinition &&
    !features.assignment;
  return { script, ast, commands, functions, features, simple };
}

/** True when a redirection may create or modify a file. */
export function writesToFile(redirection: Redirection, targetLiteral = true): boolean {
  const target = redirection.target.value;
  switch (redirection.operator) {
    case ">":
    case ">>":
    case ">|":
    case "&>":
    case "&>>":
    case "<>":
      return !targetLiteral || !HARMLESS_OUTPUT_TARGETS.has(target);
    case ">&":
      return !/^([0-9]+-?|-)$/.test(target) && (!targetLiteral || !HARMLESS_OUTPUT_TARGETS.has(target));
    default:
      return false;
  }
}
