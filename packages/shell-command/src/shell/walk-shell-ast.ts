import type { Pipeline, Redirection, ShellCommand, ShellList, SimpleCommand, WordPart } from "./shell-ast.js";

export interface ShellAstVisitor {
  pipeline?(pipeline: Pipeline): void;
  simpleCommand?(command: SimpleCommand): void;
  redirection?(redirection: Redirection): void;
}

/**
 * Visits every pipeline, simple command and redirection of a list, descending into compound commands,
 * function bodies and the bodies of command and process substitutions.
 */
export function walkShellAst(list: ShellList, visitor: ShellAstVisitor): void {
  for (const item of list.items) {
    for (const pipeline of item.pipelines) {
      visitor.pipeline?.(pipeline);
      for (const command of pipeline.commands) walkCommand(command, visitor);
    }
  }
}

function walkCommand(command: ShellCommand, visitor: ShellAstVisitor): void {
  switch (command.type) {
    case "function":
      walkCommand(command.body, visitor);
      return;
    case "compound":
      for (const word of command.words) walkParts(word.parts, visitor);
      walkRedirections(command.redirections, visitor);
      for (const body of command.bodies) walkShellAst(body, visitor);
      return;
    case "simple":
      visitor.simpleCommand?.(command);
      for (const word of command.assignments) walkParts(word.parts, visitor);
      for (const word of command.words) walkParts(word.parts, visitor);
      walkRedirections(command.redirections, visitor);
  }
}

function walkRedirections(redirections: readonly Redirection[], visitor: ShellAstVisitor): void {
  for (const redirection of redirections) {
    visitor.redirection?.(redirection);
    walkParts(redirection.target.parts, visitor);
    if (redirection.heredoc !== undefined) walkParts(redirection.heredoc.parts, visitor);
  }
}

function walkParts(parts: readonly WordPart[], visitor: ShellAstVisitor): void {
  for (const part of parts) {
    if (part.kind === "command-substitution" || part.kind === "process-substitution") walkShellAst(part.body, visitor);
    else if (part.kind === "parameter") for (const nested of part.nested) walkShellAst(nested, visitor);
  }
}

/** Simple commands of a list (nested ones included), as word values, skipping those without words. */
export function simpleCommandsOf(list: ShellList): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  walkShellAst(list, {
    simpleCommand(command) {
      if (command.words.length > 0) commands.push(command);
    },
  });
  return commands;
}

/** True when every part of the command's first word is literal text (its name is known before running). */
export function hasLiteralName(command: SimpleCommand): boolean {
  const first = command.words[0];
  return first?.parts.every((part) => part.kind === "literal") === true;
}
