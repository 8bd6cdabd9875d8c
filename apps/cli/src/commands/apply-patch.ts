import { type Command, Command as CommandClass } from "@commander-js/extra-typings";
import type { CliIo } from "../io.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** `codex apply_patch [PATCH]`: apply a patch in the Codex patch format under the current directory. */
export function applyPatchCommand(io: CliIo, setExitCode: (code: number) => void): Command<[string | undefined]> {
  return new CommandClass("apply_patch")
    .description("Apply a patch in the Codex patch format ('*** Begin Patch' ... '*** End Patch'); reads stdin without PATCH")
    .argument("[PATCH]", "the patch text (default: read from stdin)")
    .action(async (patchArgument) => {
      const { ApplyPatchError, applyPatch } = await import("@codex-ts/apply-patch");
      const patch = patchArgument ?? (await readStdin());
      try {
        const { summary } = await applyPatch(patch, { cwd: io.cwd });
        io.stdout(summary);
      } catch (error) {
        if (!(error instanceof ApplyPatchError)) throw error;
        io.stderr(`${error.message}\n`);
        setExitCode(1);
      }
    });
}
