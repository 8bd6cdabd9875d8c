import { ShellWordsError, splitShellWords } from "../shell/shell-words.js";
import { type SourcePosition, parseError } from "./exec-policy-error.js";
import type { Decision, HostExecutable, NetworkProtocol, NetworkRule, PatternToken, PrefixRule } from "./exec-policy.js";
import type { RulesArgument, RulesCall, RulesValue } from "./rules-syntax.js";

/** A `match=` / `not_match=` example waiting to be checked against the rules of its call. */
export interface RuleExample extends SourcePosition {
  argv: string[];
  expectMatch: boolean;
}

export interface RulesFileContents {
  prefixRules: Array<{ rules: PrefixRule[]; examples: RuleExample[] }>;
  hostExecutables: HostExecutable[];
  networkRules: NetworkRule[];
}

const SIGNATURES: Record<string, readonly string[]> = {
  prefix_rule: ["pattern", "decision", "match", "not_match", "justification"],
  host_executable: ["name", "paths"],
  network_rule: ["host", "protocol", "decision", "justification"],
};
const REQUIRED: Record<string, readonly string[]> = {
  prefix_rule: ["pattern"],
  host_executable: ["name", "paths"],
  network_rule: ["host", "protocol", "decision"],
};
const NETWORK_PROTOCOLS: Record<string, NetworkProtocol> = {
  http: "http",
  https: "https",
  https_connect: "https",
  "http-connect": "https",
  socks5_tcp: "socks5_tcp",
  socks5_udp: "socks5_udp",
};

/** Applies the calls of one rules file, validating every argument. */
export function evaluateRulesCalls(file: string, calls: readonly RulesCall[], homeDir: string): RulesFileContents {
  const contents: RulesFileContents = { prefixRules: [], hostExecutables: [], networkRules: [] };
  const fail = (at: SourcePosition, reason: string): never => {
    throw parseError(file, at, reason);
  };

  const bind = (call: RulesCall): Map<string, RulesValue> => {
    const signature = SIGNATURES[call.name];
    if (signature === undefined) {
      return fail(call, `unknown function \`${call.name}\`; rules files may only call prefix_rule(), host_executable() and network_rule()`);
    }
    const bound = new Map<string, RulesValue>();
    call.args.forEach((arg: RulesArgument, position) => {
      const name = arg.name ?? signature[position];
      if (name === undefined) fail(arg, `${call.name}() takes at most ${signature.length} arguments`);
      else if (!signature.includes(name)) fail(arg, `${call.name}() got an unexpected keyword argument \`${name}\` (expected one of ${signature.join(", ")})`);
      else if (bound.has(name)) fail(arg, `${call.name}() got multiple values for argument \`${name}\``);
      else if (arg.value.kind !== "none") bound.set(name, arg.value);
    });
    for (const name of REQUIRED[call.name] ?? []) {
      if (!bound.has(name)) fail(call, `${call.name}() is missing the required argument \`${name}\``);
    }
    return bound;
  };

  const string = (value: RulesValue, what: string): string =>
    value.kind === "string" ? value.value : fail(value, `${what} must be a string (got ${typeName(value)})`);
  const list = (value: RulesValue, what: string): RulesValue[] =>
    value.kind === "list" ? value.items : fail(value, `${what} must be a list (got ${typeName(value)})`);
  const decisionOf = (value: RulesValue | undefined, extra: Record<string, Decision> = {}): Decision => {
    if (value === undefined) return "allow";
    const raw = string(value, "decision");
    if (raw === "allow" || raw === "prompt" || raw === "forbidden") return raw;
    const mapped = extra[raw];
    return mapped ?? fail(value, `decision must be "allow", "prompt" or "forbidden" (got ${JSON.stringify(raw)})`);
  };
  const justificationOf = (value: RulesValue | undefined): string | undefined => {
    if (value === undefined) return undefined;
    const text = string(value, "justification");
    return text.trim() === "" ? fail(value, "justification cannot be empty; remove it or explain why the rule exists") : text;
  };

  for (const call of calls) {
    const args = bind(call);
    if (call.name === "prefix_rule") {
      const patternValue = args.get("pattern")!;
      const pattern = list(patternValue, "pattern").map((element): PatternToken => {
        if (element.kind === "string") return element.value;
        if (element.kind !== "list") return fail(element, `pattern elements must be strings or lists of strings (got ${typeName(element)})`);
        const alternatives = element.items.map((item) => string(item, "a pattern alternative"));
        if (alternatives.length === 0) return fail(element, "pattern alternatives cannot be empty");
        return alternatives.length === 1 ? alternatives[0]! : alternatives;
      });
      if (pattern.length === 0) fail(patternValue, "pattern cannot be empty");
      const decision = decisionOf(args.get("decision"));
      const justification = justificationOf(args.get("justification"));
      const [first, ...rest] = pattern as [PatternToken, ...PatternToken[]];
      const restAlternatives = rest.map((token) => (typeof token === "string" ? [token] : token));
      const rules = (typeof first === "string" ? [first] : first).map(
        (program): PrefixRule => ({ pattern, program, rest: restAlternatives, decision, justification, file, line: call.line, column: call.column }),
      );
      const examples = [
        ...examplesOf(args.get("match"), true),
        ...examplesOf(args.get("not_match"), false),
      ];
      contents.prefixRules.push({ rules, examples });
    } else if (call.name === "host_executable") {
      const nameValue = args.get("name")!;
      const name = string(nameValue, "name");
      if (name === "" || name.includes("/")) fail(nameValue, `host_executable name must be a bare program name such as "git" (got ${JSON.stringify(name)})`);
      const paths = list(args.get("paths")!, "paths").map((value) => {
        let path = string(value, "a host_executable path");
        if (path.startsWith("~/")) path = `${homeDir.replace(/\/+$/, "")}/${path.slice(2)}`;
        if (!path.startsWith("/")) fail(value, `host_executable paths must be absolute or start with ~/ (got ${JSON.stringify(path)})`);
        if (path.slice(path.lastIndexOf("/") + 1) !== name) fail(value, `host_executable path ${JSON.stringify(path)} must end in /${name}`);
        return path;
      });
      contents.hostExecutables.push({ name, paths: [...new Set(paths)], file, line: call.line, column: call.column });
    } else {
      const hostValue = args.get("host")!;
      const host = normalizeNetworkHost(string(hostValue, "host"));
      if (typeof host !== "string") fail(hostValue, host.error);
      const protocolValue = args.get("protocol")!;
      const protocol = NETWORK_PROTOCOLS[string(protocolValue, "protocol")];
      if (protocol === undefined) fail(protocolValue, "protocol must be one of http, https, socks5_tcp, socks5_udp");
      contents.networkRules.push({
        host: host as string,
        protocol: protocol!,
        decision: decisionOf(args.get("decision"), { deny: "forbidden" }),
        justification: justificationOf(args.get("justification")),
        file,
        line: call.line,
        column: call.column,
      });
    }
  }
  return contents;

  function examplesOf(value: RulesValue | undefined, expectMatch: boolean): RuleExample[] {
    if (value === undefined) return [];
    const what = expectMatch ? "match" : "not_match";
    return list(value, what).map((example): RuleExample => {
      let argv: string[];
      if (example.kind === "string") {
        try {
          argv = splitShellWords(example.value);
        } catch (error) {
          if (!(error instanceof ShellWordsError)) throw error;
          return fail(example, `${what} example ${JSON.stringify(example.value)} is not a valid command line (${error.message})`);
        }
      } else if (example.kind === "list") {
        argv = example.items.map((item) => string(item, `${what} example tokens`));
      } else {
        return fail(example, `${what} examples must be strings or lists of strings (got ${typeName(example)})`);
      }
      if (argv.length === 0) fail(example, `${what} examples cannot be empty`);
      return { argv, expectMatch, line: example.line, column: example.column };
    });
  }
}

function typeName(value: RulesValue): string {
  switch (value.kind) {
    case "none":
      return "None";
    case "bool":
      return "bool";
    case "number":
      return "int";
    default:
      return value.kind;
  }
}

/** Lower-cased host without port or trailing dot; rejects schemes, paths, wildcards and blanks. */
function normalizeNetworkHost(raw: string): string | { error: string } {
  let host = raw.trim();
  if (host === "") return { error: "network_rule host cannot be empty" };
  if (/:\/\/|[/?#]/.test(host)) return { error: "network_rule host must be a hostname or IP address, without scheme or path" };
  const bracketed = /^\[([^\]]+)\](?::[0-9]+)?$/.exec(host);
  if (bracketed !== null) host = bracketed[1]!;
  else if (host.startsWith("[")) return { error: "network_rule host has an invalid bracketed IPv6 address" };
  else if (/^[^:]+:[0-9]+$/.test(host)) host = host.slice(0, host.lastIndexOf(":"));
  host = host.replace(/\.+$/, "").trim().toLowerCase();
  if (host === "") return { error: "network_rule host cannot be empty" };
  if (host.includes("*")) return { error: "network_rule host must be a specific host; wildcards are not allowed" };
  if (/\s/.test(host)) return { error: "network_rule host cannot contain whitespace" };
  return host;
}
