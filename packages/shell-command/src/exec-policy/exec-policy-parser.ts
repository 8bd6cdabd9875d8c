import { homedir } from "node:os";
import { joinShellWords } from "../shell/shell-words.js";
import { parseError } from "./exec-policy-error.js";
import { ExecPolicy, type HostExecutable, type NetworkRule, type PrefixRule } from "./exec-policy.js";
import { evaluateRulesCalls } from "./rules-builtins.js";
import { parseRulesSyntax } from "./rules-syntax.js";

export interface ExecPolicyParserOptions {
  /** Expands `~/` in `host_executable` paths; defaults to the current user's home directory. */
  homeDir?: string;
}

/**
 * Accumulates rules files in order and builds an `ExecPolicy`. Each `add` parses one file, applies its
 * calls, and checks its `match` / `not_match` examples against the rules of the call that declared them.
 * Errors are `ExecPolicyError`s (code `EXEC_POLICY_PARSE`) reading `file:line:col: reason`.
 */
export class ExecPolicyParser {
  private readonly rules: PrefixRule[] = [];
  private readonly hostExecutables: HostExecutable[] = [];
  private readonly networkRules: NetworkRule[] = [];
  private readonly homeDir: string;

  constructor(options: ExecPolicyParserOptions = {}) {
    this.homeDir = options.homeDir ?? homedir();
  }

  add(file: string, source: string): this {
    const contents = evaluateRulesCalls(file, parseRulesSyntax(file, source), this.homeDir);
    this.hostExecutables.push(...contents.hostExecutables);
    for (const { rules, examples } of contents.prefixRules) {
      if (examples.length === 0) continue;
      const scope = new ExecPolicy(rules, this.hostExecutables);
      for (const example of examples) {
        const matches = scope.matchPrefixRules(example.argv, { resolveHostExecutables: true });
        const rendered = joinShellWords(example.argv);
        if (example.expectMatch && matches.length === 0) {
          throw parseError(file, example, `match example \`${rendered}\` does not match the pattern of this prefix_rule`);
        }
        if (!example.expectMatch && matches.length > 0) {
          const prefix = joinShellWords(matches[0]!.matchedPrefix);
          throw parseError(file, example, `not_match example \`${rendered}\` matches this prefix_rule (matched prefix \`${prefix}\`)`);
        }
      }
    }
    for (const { rules } of contents.prefixRules) this.rules.push(...rules);
    this.networkRules.push(...contents.networkRules);
    return this;
  }

  build(): ExecPolicy {
    return new ExecPolicy([...this.rules], [...this.hostExecutables], [...this.networkRules]);
  }
}

/** Parses rules sources (in order) into one policy; see `ExecPolicyParser`. */
export function parseExecPolicy(sources: ReadonlyArray<{ file: string; text: string }>, options: ExecPolicyParserOptions = {}): ExecPolicy {
  const parser = new ExecPolicyParser(options);
  for (const source of sources) parser.add(source.file, source.text);
  return parser.build();
}
