// `apply_patch`: parses the patch, shows the file changes, asks for approval when the policy requires it,
// applies it in-process and reports the A/M/D summary (or the failure) to the model.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { ApplyPatchError, type FileChange, applyPatch, computeChanges } from "@codex-ts/apply-patch";
import type { FileUpdateChange, ThreadItem } from "@codex-ts/protocol";
import { writableRootsFor } from "@codex-ts/sandboxing";
import { canAsk } from "../approvals/exec-approval.js";
import { TurnCancelledError, type TurnContext } from "./turn-context.js";

type FileChangeItem = Extract<ThreadItem, { type: "fileChange" }>;

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

function toUpdateChange(change: FileChange): FileUpdateChange {
  switch (change.type) {
    case "add":
      return { path: change.path, kind: { type: "add" }, diff: change.newContent };
    case "delete":
      return { path: change.path, kind: { type: "delete" }, diff: change.oldContent };
    case "update":
      return { path: change.path, kind: { type: "update", move_path: change.movePath ?? null }, diff: change.unifiedDiff };
  }
}

function touchedPaths(changes: readonly FileChange[]): string[] {
  return changes.flatMap((change) => (change.type === "update" && change.movePath ? [change.path, change.movePath] : [change.path]));
}

/** True when every path lies under a writable root of the sandbox policy (and outside its protected folders). */
function insideWritableRoots(ctx: TurnContext, paths: readonly string[]): boolean {
  const policy = ctx.config.sandboxPolicy;
  if (policy.type === "dangerFullAccess" || policy.type === "externalSandbox") return true;
  if (policy.type === "readOnly") return false;
  const roots = writableRootsFor(policy, ctx.config.cwd, ctx.env);
  return paths.every((path) =>
    roots.some((root) => {
      const rel = path.startsWith(`${root.root}/`) || path === root.root;
      if (!rel) return false;
      return !root.readOnlySubpaths.some((sub) => path === sub || path.startsWith(`${sub}/`));
    }),
  );
}

function sessionGranted(ctx: TurnContext, paths: readonly string[]): boolean {
  return paths.every((path) => [...ctx.approvedPatchRoots].some((root) => path === root || path.startsWith(`${root}/`)));
}

export async function runApplyPatch(ctx: TurnContext, callId: string, patch: string): Promise<{ output: string; success: boolean }> {
  const cwd = ctx.config.cwd;
  let changes: FileChange[];
  try {
    changes = await computeChanges(patch, readOrUndefined, { cwd });
  } catch (error) {
    const message = error instanceof ApplyPatchError ? error.message : (error as Error).message;
    return { output: `apply_patch verification failed: ${message}`, success: false };
  }
  const item: FileChangeItem = { type: "fileChange", id: callId, changes: changes.map(toUpdateChange), status: "inProgress" };
  ctx.emit({ type: "item_started", turnId: ctx.turnId, item, atMs: Date.now() });

  const paths = touchedPaths(changes);
  const policy = ctx.config.approvalPolicy;
  const autoApproved =
    (policy !== "untrusted" && insideWritableRoots(ctx, paths)) || sessionGranted(ctx, paths);
  if (!autoApproved) {
    if (!canAsk(policy)) {
      ctx.emit({ type: "item_completed", turnId: ctx.turnId, item: { ...item, status: "declined" }, atMs: Date.now() });
      return { output: "patch rejected: writing outside of the project; rejected by the sandbox policy", success: false };
    }
    const decision = await ctx.requestApproval({
      kind: "fileChange",
      itemId: callId,
      changes: item.changes,
      reason: null,
      grantRoot: null,
    });
    if (decision === "cancel") {
      ctx.emit({ type: "item_completed", turnId: ctx.turnId, item: { ...item, status: "declined" }, atMs: Date.now() });
      ctx.cancelTurn();
      throw new TurnCancelledError();
    }
    if (decision === "decline") {
      ctx.emit({ type: "item_completed", turnId: ctx.turnId, item: { ...item, status: "declined" }, atMs: Date.now() });
      return { output: "patch rejected by user", success: false };
    }
    if (decision === "acceptForSession") {
      for (const path of paths) ctx.approvedPatchRoots.add(dirname(resolve(path)));
    }
  }

  try {
    const result = await applyPatch(patch, { cwd });
    for (const change of result.changes) {
      if (change.type === "add") ctx.diffTracker.record(change.path, null, change.newContent);
      else if (change.type === "delete") ctx.diffTracker.record(change.path, change.oldContent, null);
      else ctx.diffTracker.record(change.path, change.oldContent, change.newContent, change.movePath);
    }
    ctx.emit({ type: "turn_diff", turnId: ctx.turnId, diff: ctx.diffTracker.unifiedDiff() });
    ctx.emit({ type: "item_completed", turnId: ctx.turnId, item: { ...item, status: "completed" }, atMs: Date.now() });
    return { output: result.summary, success: true };
  } catch (error) {
    ctx.emit({ type: "item_completed", turnId: ctx.turnId, item: { ...item, status: "failed" }, atMs: Date.now() });
    return { output: `apply_patch failed: ${(error as Error).message}`, success: false };
  }
}
