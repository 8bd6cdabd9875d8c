import { programName } from "../shell/shell-wrapper.js";

export type Decision = "allow" | "prompt" | "forbidden";

export const DECISIONS: readonly Decision[] = ["allow", "prompt", "forbidden"];

const SEVERITY: Record<Decision, number> = { allow: 0, prompt: 1, forbidden: 2 };

/** The stricter of two decisions: forbidden > prompt > allow. */
export function stricterDecision(a: Decision, b: Decision): Decision {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** One pattern element: a literal token, or alternatives any of which matches. */
export type PatternToken = string | readonly string[];

/** Where a rule was defined. */
export interface RuleSource {
  file: string;
  line: number;
  column: number;
}

export interface PrefixRule extends RuleSource {
  /** The pattern as written (its first element may list alternatives). */
  pattern: readonly PatternToken[];
  /** The first token this rule is indexed by (one rule per alternative of the first element). */
  program: string;
  /** Alternatives for every token after the first. */
  rest: ReadonlyArray<readonly string[]>;
  decision: Decision;
  justification: string | undefined;
}

export interface HostExecutable extends RuleSource {
  name: string;
  /** Absolute paths (`~/` already expanded) that may stand for `name`. */
  paths: readonly string[];
}

export type NetworkProtocol = "http" | "https" | "socks5_tcp" | "socks5_udp";

export interface NetworkRule extends RuleSource {
  host: string;
  protocol: NetworkProtocol;
  decision: Decision;
  justification: string | undefined;
}

export interface RuleMatch extends RuleSource {
  pattern: readonly PatternToken[];
  /** The command tokens the pattern matched. */
  matchedPrefix: string[];
  decision: Decision;
  justification: string | undefined;
  /** Set when an absolute program path matched a basename rule through host-executable resolution. */
  resolvedProgram: string | undefined;
}

export interface MatchOptions {
  /**
   * When no rule matches `/usr/bin/git ...` exactly, try rules for `git`, provided that a
   * `host_executable(name="git", ...)` entry lists that path (or no entry for `git` exists).
   */
  resolveHostExecutables?: boolean;
}

/** A loaded set of rules. Immutable; build one with `ExecPolicyParser` or `loadExecPolicy`. */
export class ExecPolicy {
  private readonly byProgram = new Map<string, PrefixRule[]>();
  private readonly hostPaths = new Map<string, readonly string[]>();

  constructor(
    readonly rules: readonly PrefixRule[],
    readonly hostExecutables: readonly HostExecutable[] = [],
    readonly networkRules: readonly NetworkRule[] = [],
  ) {
    for (const rule of rules) {
      const list = this.byProgram.get(rule.program);
      if (list === undefined) this.byProgram.set(rule.program, [rule]);
      else list.push(rule);
    }
    for (const entry of hostExecutables) {
      const previous = this.hostPaths.get(entry.name) ?? [];
      this.hostPaths.set(entry.name, [...new Set([...previous, ...entry.paths])]);
    }
  }

  static empty(): ExecPolicy {
    return new ExecPolicy([]);
  }

  /** Rules whose pattern is a prefix of `argv`, in definition order (no shell unwrapping). */
  matchPrefixRules(argv: readonly string[], options: MatchOptions = {}): RuleMatch[] {
    const program = argv[0];
    if (program === undefined) return [];
    const exact = matchAll(this.byProgram.get(program), argv, undefined);
    if (exact.length > 0 || options.resolveHostExecutables !== true || !program.startsWith("/")) return exact;
    const name = programName(program);
    const allowed = this.hostPaths.get(name);
    if (allowed !== undefined && !allowed.includes(program)) return [];
    return matchAll(this.byProgram.get(name), [name, ...argv.slice(1)], program);
  }
}

function matchAll(rules: readonly PrefixRule[] | undefined, argv: readonly string[], resolvedProgram: string | undefined): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const rule of rules ?? []) {
    const length = rule.rest.length + 1;
    if (argv.length < length) continue;
    let ok = true;
    for (let index = 0; index < rule.rest.length && ok; index += 1) {
      ok = rule.rest[index]!.includes(argv[index + 1]!);
    }
    if (!ok) continue;
    matches.push({
      file: rule.file,
      line: rule.line,
      column: rule.column,
      pattern: rule.pattern,
      matchedPrefix: argv.slice(0, length),
      decision: rule.decision,
      justification: rule.justification,
      resolvedProgram,
    });
  }
  return matches;
}
