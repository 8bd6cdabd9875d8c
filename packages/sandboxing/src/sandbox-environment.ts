/**
 * Variables that change how node itself starts. The Linux helper is a node program running outside the sandbox,
 * so it must not see them (NODE_OPTIONS could load code the sandboxed command wrote); they are handed to the
 * command through the helper's `--setenv` instead.
 */
export const HELPER_WITHHELD_VARIABLES: readonly string[] = ["NODE_OPTIONS", "NODE_EXTRA_CA_CERTS"];

/** Set for sandboxed commands that have no network at all. */
export const NETWORK_DISABLED_VARIABLE = "CODEX_SANDBOX_NETWORK_DISABLED";

/** Set for commands run under Seatbelt. */
export const SANDBOX_VARIABLE = "CODEX_SANDBOX";

/** Splits `env` into what the helper process gets and what it passes on to the command only. */
export function splitHelperEnvironment(env: NodeJS.ProcessEnv): {
  helperEnv: NodeJS.ProcessEnv;
  withheld: Array<[string, string]>;
} {
  const helperEnv: NodeJS.ProcessEnv = { ...env };
  const withheld: Array<[string, string]> = [];
  for (const name of HELPER_WITHHELD_VARIABLES) {
    const value = helperEnv[name];
    if (value !== undefined) withheld.push([name, value]);
    delete helperEnv[name];
  }
  return { helperEnv, withheld };
}
