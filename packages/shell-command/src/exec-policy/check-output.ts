import type { Decision } from "./exec-policy.js";
import type { CommandEvaluation } from "./evaluate-command.js";

/** The JSON printed by `codex execpolicy check` (same shape and key order as upstream). */
export interface ExecPolicyCheckJson {
  matchedRules: Array<{
    prefixRuleMatch: {
      matchedPrefix: string[];
      decision: Decision;
      resolvedProgram?: string;
      justification?: string;
    };
  }>;
  /** Omitted when no rule decided the command. */
  decision?: Decision;
}

export function execPolicyCheckJson(evaluation: CommandEvaluation): ExecPolicyCheckJson {
  const output: ExecPolicyCheckJson = {
    matchedRules: evaluation.matchedRules.map((match) => ({
      prefixRuleMatch: {
        matchedPrefix: match.matchedPrefix,
        decision: match.decision,
        ...(match.resolvedProgram === undefined ? {} : { resolvedProgram: match.resolvedProgram }),
        ...(match.justification === undefined ? {} : { justification: match.justification }),
      },
    })),
  };
  if (evaluation.decision !== "noMatch") output.decision = evaluation.decision;
  return output;
}

/** Serializes the check output, compact or (with `pretty`) indented by two spaces. */
export function formatExecPolicyCheck(evaluation: CommandEvaluation, pretty = false): string {
  return JSON.stringify(execPolicyCheckJson(evaluation), null, pretty ? 2 : undefined);
}
