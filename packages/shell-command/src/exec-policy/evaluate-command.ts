import { parseShellScript } from "../shell/parse-shell-script.js";
import { shellInvocation } from "../shell/shell-wrapper.js";
import type { Decision, ExecPolicy, MatchOptions, RuleMatch } from "./exec-policy.js";

/** A rule decision, or `noMatch` when no rule (and no fallback) decided. */
export type EvaluationDecision = Decision | "noMatch";

const RANK: Record<EvaluationDecision, number> = { allow: 0, noMatch: 1, prompt: 2, forbidden: 3 };

export interface CommandEvaluationEntry {
  command: string[];
  decision: EvaluationDecision;
  matchedRules: RuleMatch[];
}

export interface CommandEvaluation {
  /**
   * The overall decision, strictest first: forbidden > prompt > noMatch > allow. A command is
   * allowed only when every command it runs is allowed by a rule (or the fallback).
   */
  decision: EvaluationDecision;
  /** Every rule that matched any of the commands. */
  matchedRules: RuleMatch[];
  /** The commands that were evaluated, each with its own decision. */
  commands: CommandEvaluationEntry[];
  /** True when the argv was a shell script too complex to split into plain commands (see `commandsForPolicy`). */
  complex: boolean;
}

export interface EvaluateCommandOptions extends MatchOptions {
  /** Decides commands that match no rule (e.g. from safe/dangerous heuristics); default `noMatch`. */
  fallback?: (command: readonly string[]) => Decision;
}

/**
 * The commands the rules are checked against. A plain argv is one command. A `bash -lc SCRIPT` argv
 * whose script is simple (only literal commands joined by `&&`, `||`, `;`, `|`, subshells and groups)
 * is split into its commands. For a script that parses but is not simple, every command with a literal
 * name is returned and `complex` is set: those commands can be forbidden or prompted by rules, but
 * the script as a whole is never allowed by them. An unparseable script is evaluated as the argv itself.
 */
export function commandsForPolicy(argv: readonly string[]): { commands: string[][]; complex: boolean } {
  const invocation = shellInvocation(argv);
  if (invocation === undefined) return { commands: [[...argv]], complex: false };
  const parsed = parseShellScript(invocation.script);
  if (parsed === undefined || parsed.commands.length === 0) return { commands: [[...argv]], complex: false };
  if (parsed.simple) return { commands: parsed.commands.map((command) => command.argv), complex: false };
  const literal = parsed.commands.filter((command) => command.words[0]?.parts.every((part) => part.kind === "literal"));
  return { commands: literal.length > 0 ? literal.map((command) => command.argv) : [[...argv]], complex: true };
}

/** Evaluates every command of `argv` (unwrapping `bash -lc` scripts) against the policy. */
export function evaluateCommand(policy: ExecPolicy, argv: readonly string[], options: EvaluateCommandOptions = {}): CommandEvaluation {
  const { commands, complex } = commandsForPolicy(argv);
  const entries = commands.map((command): CommandEvaluationEntry => {
    const matchedRules = policy.matchPrefixRules(command, options);
    return { command, decision: decide(matchedRules, () => options.fallback?.(command)), matchedRules };
  });
  let decision = entries.reduce<EvaluationDecision>((worst, entry) => stricter(worst, entry.decision), "allow");
  if (complex) decision = stricter(decision, options.fallback?.(argv) ?? "noMatch");
  return { decision, matchedRules: entries.flatMap((entry) => entry.matchedRules), commands: entries, complex };
}

function decide(matches: readonly RuleMatch[], fallback: () => Decision | undefined): EvaluationDecision {
  if (matches.length === 0) return fallback() ?? "noMatch";
  return matches.reduce<EvaluationDecision>((worst, match) => stricter(worst, match.decision), "allow");
}

function stricter(a: EvaluationDecision, b: EvaluationDecision): EvaluationDecision {
  return RANK[a] >= RANK[b] ? a : b;
}
