// The `codex exec` command tree: flags, prompt from the argument or stdin, and `exec resume`.
import { resolve } from "node:path";
import { Command, type CommandUnknownOpts, Option } from "@commander-js/extra-typings";
import { ExitCode } from "../../exit-codes.js";
import { globalOptionsOf } from "../../global-options.js";
import type { CliIo } from "../../io.js";
import { configOverridesFromGlobals } from "../../load-config.js";
import type { ExecRunOptions } from "./run-exec.js";

const collect = (value: string, previous: string[]): string[] => [...previous, value];
const collectImages = (value: string, previous: string[]): string[] => [
  ...previous,
  ...value.split(",").map((part) => part.trim()).filter((part) => part !== ""),
];

/** Reads all of stdin (for `-` or a piped prompt). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function promptOf(argument: string | undefined, io: CliIo): Promise<string> {
  if (argument !== undefined && argument !== "-") return argument;
  if (argument === undefined && process.stdin.isTTY) {
    throw new UsageError("no prompt provided: pass it as an argument, or `-` to read it from stdin");
  }
  if (argument === undefined) io.stderr("Reading prompt from stdin...\n");
  const text = (await readStdin()).trim();
  if (text === "") throw new UsageError("no prompt provided via stdin");
  return text;
}

class UsageError extends Error {}

type SharedFlags = {
  json?: boolean;
  outputLastMessage?: string;
  outputSchema?: string;
  model?: string;
  sandbox?: "read-only" | "workspace-write" | "danger-full-access";
  fullAuto?: boolean;
  dangerouslyBypassApprovalsAndSandbox?: boolean;
  cd?: string;
  addDir: string[];
  image: string[];
  skipGitRepoCheck?: boolean;
  oss?: boolean;
  localProvider?: string;
  ephemeral?: boolean;
  color?: string;
};

function addSharedFlags(command: CommandUnknownOpts): CommandUnknownOpts {
  return command
    .option("--json", "print events as JSON lines to stdout")
    .addOption(new Option("--experimental-json", "alias of --json").hideHelp())
    .option("-o, --output-last-message <FILE>", "write the last agent message to FILE")
    .option("--output-schema <FILE>", "JSON Schema file the final message must match")
    .option("-m, --model <MODEL>", "model to use")
    .addOption(new Option("-s, --sandbox <MODE>", "sandbox policy for commands").choices(["read-only", "workspace-write", "danger-full-access"] as const))
    .option("--full-auto", "let commands write in the workspace (workspace-write sandbox)")
    .option("--dangerously-bypass-approvals-and-sandbox", "run every command without sandbox and without approvals (dangerous)")
    .addOption(new Option("--yolo", "alias of --dangerously-bypass-approvals-and-sandbox").hideHelp())
    .option("-C, --cd <DIR>", "working directory of the agent")
    .option("--add-dir <DIR>", "extra writable directory (repeatable)", collect, [] as string[])
    .option("-i, --image <FILE>", "attach an image to the prompt (repeatable, or comma-separated)", collectImages, [] as string[])
    .option("--skip-git-repo-check", "allow running outside a git repository")
    .option("--oss", "use a local open-source model provider (Ollama or LM Studio)")
    .option("--local-provider <NAME>", "local provider for --oss: ollama or lmstudio")
    .option("--ephemeral", "do not write a session file")
    .addOption(new Option("--color <WHEN>", "color output").choices(["always", "never", "auto"] as const).default("auto" as const));
}

async function run(
  io: CliIo,
  command: { optsWithGlobals(): object },
  flags: SharedFlags & { experimentalJson?: boolean; yolo?: boolean },
  prompt: string | undefined,
  resume: ExecRunOptions["resume"],
): Promise<number> {
  const { runExec, ExecFatalError, ExecUsageError } = await import("./run-exec.js");
  try {
    const globals = globalOptionsOf(command);
    const overrides = await configOverridesFromGlobals(globals);
    const bypass = flags.dangerouslyBypassApprovalsAndSandbox === true || flags.yolo === true;
    const sandbox = bypass ? "danger-full-access" : (flags.sandbox ?? (flags.fullAuto ? "workspace-write" : undefined));
    const options: ExecRunOptions = {
      prompt: await promptOf(prompt, io),
      // Files named on the command line are relative to where codex was started, not to -C.
      images: flags.image.map((file) => resolve(io.cwd, file)),
      json: flags.json === true || flags.experimentalJson === true,
      ...(flags.outputLastMessage ? { outputLastMessage: resolve(io.cwd, flags.outputLastMessage) } : {}),
      ...(flags.outputSchema ? { outputSchema: resolve(io.cwd, flags.outputSchema) } : {}),
      ...(flags.model ? { model: flags.model } : {}),
      ...(sandbox ? { sandbox } : {}),
      ...(bypass ? { approvalPolicy: "never" } : {}),
      cwd: flags.cd ? resolve(io.cwd, flags.cd) : io.cwd,
      addDirs: flags.addDir,
      skipGitRepoCheck: flags.skipGitRepoCheck === true,
      oss: flags.oss === true,
      ...(flags.localProvider ? { localProvider: flags.localProvider } : {}),
      ephemeral: flags.ephemeral === true,
      configOverrides: [...overrides, ...(globals.profile ? [`profile=${JSON.stringify(globals.profile)}`] : [])],
      ...(resume ? { resume } : {}),
    };
    return await runExec(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExecUsageError) {
      io.stderr(`error: ${error.message}\n`);
      return ExitCode.usage;
    }
    if (error instanceof ExecFatalError) {
      io.stderr(`Error: ${error.message}\n`);
      return ExitCode.failure;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`Error: ${message}\n`);
    return ExitCode.failure;
  }
}

/**
 * The flags of `exec resume`: its own, plus those given to `exec` before the subcommand
 * (`codex exec --json resume ID`); repeatable flags collect from both.
 */
function resumeFlags(command: CommandUnknownOpts): SharedFlags {
  const own = command.opts() as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...own };
  for (const [key, value] of Object.entries(command.parent?.opts() ?? {})) {
    if (Array.isArray(value)) {
      merged[key] = [...value, ...((own[key] as unknown[] | undefined) ?? [])];
    } else {
      const source = command.getOptionValueSource(key);
      if (source === undefined || source === "default") merged[key] = value;
    }
  }
  return merged as SharedFlags;
}

export function execCommand(io: CliIo, setExitCode: (code: number) => void): CommandUnknownOpts {
  const exec = addSharedFlags(
    new Command("exec")
      .alias("e")
      .description("Run Codex non-interactively: one turn, then exit")
      .argument("[PROMPT]", "the prompt; `-` (or nothing, with piped input) reads it from stdin"),
  ).action(async (...args: unknown[]) => {
    const [prompt, flags, command] = args as [string | undefined, SharedFlags, CommandUnknownOpts];
    setExitCode(await run(io, command, flags, prompt, undefined));
  });

  const resume = addSharedFlags(
    new Command("resume")
      .description("Resume a previous session by id (or the latest with --last) and run one more turn")
      .argument("[SESSION_ID]", "thread id to resume")
      .argument("[PROMPT]", "the prompt; `-` reads it from stdin")
      .option("--last", "resume the most recent session in this directory")
      .option("--all", "with --last, consider sessions from every directory"),
  ).action(async (...args: unknown[]) => {
    const [sessionId, prompt, , command] = args as [string | undefined, string | undefined, SharedFlags, CommandUnknownOpts];
    const flags = resumeFlags(command);
    const last = (flags as { last?: boolean }).last === true;
    // With --last, the single positional argument is the prompt.
    const id = last ? undefined : sessionId;
    const text = last ? (sessionId ?? prompt) : prompt;
    if (!last && id === undefined) {
      io.stderr("error: pass a SESSION_ID or --last\n");
      setExitCode(ExitCode.usage);
      return;
    }
    setExitCode(
      await run(io, command, flags, text, {
        ...(id ? { threadId: id } : {}),
        last,
        all: (flags as { all?: boolean }).all === true,
      }),
    );
  });
  exec.addCommand(resume);
  return exec;
}
