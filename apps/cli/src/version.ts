declare const __CODEX_CLI_VERSION__: string;

/** The version of this build of the `codex` command, injected at build time. */
export const CLI_VERSION: string =
  typeof __CODEX_CLI_VERSION__ === "string" ? __CODEX_CLI_VERSION__ : "0.0.0-dev";
