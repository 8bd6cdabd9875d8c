import { Command, type CommandUnknownOpts } from "@commander-js/extra-typings";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";

/** Commands whose implementation has not landed yet: each exits 2 with one clear line. */
export const PLACEHOLDER_COMMANDS: ReadonlyArray<{ name: string; aliases?: string[]; description: string }> = [
  { name: "mcp-server", description: "Run Codex as an MCP server on stdio" },
  { name: "mcp", description: "Manage external MCP servers for Codex" },
  { name: "login", description: "Manage login" },
  { name: "logout", description: "Remove stored authentication credentials" },
  { name: "resume", description: "Resume a previous session" },
  { name: "fork", description: "Fork a previous session" },
];

export function notImplemented(io: CliIo, what: string): number {
  io.stderr(`Error: ${what} is not implemented yet\n`);
  return ExitCode.usage;
}

/** Builds a placeholder that accepts any arguments and reports that it is not implemented. */
export function placeholderCommand(
  io: CliIo,
  spec: (typeof PLACEHOLDER_COMMANDS)[number],
  setExitCode: (code: number) => void,
): CommandUnknownOpts {
  const command = new Command(spec.name)
    .description(`${spec.description} (not implemented yet)`)
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .argument("[args...]")
    .action(() => {
      setExitCode(notImplemented(io, `\`codex ${spec.name}\``));
    });
  for (const alias of spec.aliases ?? []) command.alias(alias);
  return command;
}
