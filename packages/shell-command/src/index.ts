export type {
  AndOrList,
  CompoundCommand,
  CompoundKind,
  FunctionDefinition,
  Pipeline,
  Redirection,
  RedirectionOperator,
  ShellCommand,
  ShellList,
  ShellWord,
  SimpleCommand,
  WordPart,
} from "./shell/shell-ast.js";
export {
  type CommandContext,
  type ParsedCommand,
  type ParsedScript,
  type ScriptFeatures,
  parseShellScript,
  writesToFile,
} from "./shell/parse-shell-script.js";
export {
  type ShellInvocation,
  commandsFromArgv,
  parseShellInvocation,
  programName,
  shellInvocation,
} from "./shell/shell-wrapper.js";
export { ShellWordsError, joinShellWords, quoteShellWord, splitShellWords } from "./shell/shell-words.js";
export { type ShellAstVisitor, walkShellAst } from "./shell/walk-shell-ast.js";

export { isKnownSafeCommand, isSafeSingleCommand } from "./safety/safe-commands.js";
export { dangerousCommandReason, dangerousScriptReason, isDangerousCommand } from "./safety/dangerous-commands.js";

export { ExecPolicyError, type ExecPolicyErrorCode } from "./exec-policy/exec-policy-error.js";
export {
  DECISIONS,
  type Decision,
  ExecPolicy,
  type HostExecutable,
  type MatchOptions,
  type NetworkProtocol,
  type NetworkRule,
  type PatternToken,
  type PrefixRule,
  type RuleMatch,
  type RuleSource,
  stricterDecision,
} from "./exec-policy/exec-policy.js";
export { ExecPolicyParser, type ExecPolicyParserOptions, parseExecPolicy } from "./exec-policy/exec-policy-parser.js";
export { type LoadExecPolicyOptions, RULES_FILE_EXTENSION, listRulesFiles, loadExecPolicy } from "./exec-policy/load-exec-policy.js";
export {
  type CommandEvaluation,
  type CommandEvaluationEntry,
  type EvaluateCommandOptions,
  type EvaluationDecision,
  commandsForPolicy,
  evaluateCommand,
} from "./exec-policy/evaluate-command.js";
export { type ExecPolicyCheckJson, execPolicyCheckJson, formatExecPolicyCheck } from "./exec-policy/check-output.js";
export { appendPrefixRule, renderPrefixRule } from "./exec-policy/append-prefix-rule.js";
