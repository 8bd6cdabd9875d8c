// thread/* and turn/* requests: start, resume, fork, list, read, archive, name, compact; start, steer, interrupt.
import { resolve } from "node:path";
import type { ThreadSessionResponse, UserInput as WireUserInput } from "@codex-ts/app-server-protocol";
import { NoActiveTurnError, type StartThreadOptions, type Thread, ThreadBusyError, ThreadNotFoundError } from "@codex-ts/core";
import { type SandboxPolicy, type UserInput, sandboxPolicySchema } from "@codex-ts/protocol";
import { RolloutError, archiveRollout, findRolloutByThreadId, unarchiveRollout } from "@codex-ts/rollout";
import type { RequestContext, RequestHandlers } from "../context.js";
import { invalidRequest } from "../rpc-errors.js";
import { threadPage } from "./thread-listing.js";
import type { ThreadService } from "./thread-service.js";
import { wireThreadFromRollout, wireThreadFromSummary, wireThreadOf, wireTurn } from "./wire-thread.js";

interface OverrideParams {
  model?: string | null;
  modelProvider?: string | null;
  cwd?: string | null;
  approvalPolicy?: unknown;
  sandbox?: string | null;
  config?: Record<string, unknown> | null;
  baseInstructions?: string | null;
  developerInstructions?: string | null;
}

function startOptions(params: OverrideParams, context: RequestContext): StartThreadOptions {
  return {
    ...(params.model ? { model: params.model } : {}),
    ...(params.modelProvider ? { modelProvider: params.modelProvider } : {}),
    ...(params.cwd ? { cwd: resolve(params.cwd) } : {}),
    ...(params.approvalPolicy ? { approvalPolicy: params.approvalPolicy as StartThreadOptions["approvalPolicy"] } : {}),
    ...(params.sandbox ? { sandboxMode: params.sandbox as StartThreadOptions["sandboxMode"] } : {}),
    ...(params.config ? { config: params.config } : {}),
    ...(params.baseInstructions ? { baseInstructions: params.baseInstructions } : {}),
    ...(params.developerInstructions ? { developerInstructions: params.developerInstructions } : {}),
    originator: context.connection.clientInfo.name,
  };
}

function sessionResponse(thread: Thread, includeTurns: boolean): ThreadSessionResponse {
  return {
    thread: wireThreadOf(thread, { includeTurns }),
    model: thread.config.model,
    modelProvider: thread.config.provider.id,
    serviceTier: thread.config.serviceTier,
    cwd: thread.config.cwd,
    instructionSources: thread.instructionSources,
    approvalPolicy: thread.config.approvalPolicy as ThreadSessionResponse["approvalPolicy"],
    approvalsReviewer: "user",
    sandbox: thread.config.sandboxPolicy as ThreadSessionResponse["sandbox"],
    reasoningEffort: thread.config.reasoningEffort,
  };
}

/**
 * Runs `send` once the current request's answer has gone out: the answer is written from microtasks after the
 * handler resolves, so a macrotask comes after it (upstream sends the answer before these notifications).
 */
function afterResponse(send: () => void): void {
  setImmediate(send);
}

/** Maps core and rollout failures to JSON-RPC errors. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ThreadNotFoundError || error instanceof ThreadBusyError || error instanceof NoActiveTurnError) {
      throw invalidRequest(error.message);
    }
    if (error instanceof RolloutError) throw invalidRequest(error.message);
    throw error;
  }
}

function loadedThread(service: ThreadService, threadId: string): Thread {
  const thread = service.get(threadId);
  if (!thread) throw invalidRequest(`thread not found: ${threadId}`);
  return thread;
}

function userInputOf(input: readonly WireUserInput[]): UserInput[] {
  return input.map((part) => {
    const value = part as Record<string, unknown>;
    switch (value["type"]) {
      case "text":
        return { type: "text", text: String(value["text"] ?? "") };
      case "image":
        return { type: "image", url: String(value["url"] ?? "") };
      case "localImage":
        return { type: "localImage", path: String(value["path"] ?? "") };
      case "skill":
        return { type: "skill", name: String(value["name"] ?? ""), path: String(value["path"] ?? "") };
      default:
        return { type: "mention", name: String(value["name"] ?? ""), path: String(value["path"] ?? "") };
    }
  });
}

function sandboxPolicyOf(value: unknown): SandboxPolicy {
  const parsed = sandboxPolicySchema.safeParse(value);
  if (!parsed.success) throw invalidRequest(`invalid sandbox policy: ${parsed.error.issues[0]?.message ?? "not a sandbox policy"}`);
  return parsed.data;
}

export function createThreadHandlers(service: ThreadService): RequestHandlers {
  const manager = service.manager;
  return {
    "thread/start": (params, context) =>
      guarded(async () => {
        const thread = await manager.startThread({
          ...startOptions(params, context),
          ...(params.ephemeral ? { ephemeral: true } : {}),
        });
        service.attach(thread, context.connection);
        const response = sessionResponse(thread, false);
        afterResponse(() => context.connection.notify("thread/started", { thread: response.thread }));
        return response;
      }),

    "thread/resume": (params, context) =>
      guarded(async () => {
        const thread = await manager.resumeThread(
          { threadId: params.threadId, ...(params.path ? { path: params.path } : {}) },
          startOptions(params, context),
        );
        service.attach(thread, context.connection);
        const response = sessionResponse(thread, params.excludeTurns !== true);
        if (thread.tokenUsage) {
          const usage = thread.tokenUsage;
          const lastTurn = thread.turns.at(-1)?.id ?? "";
          afterResponse(() =>
            context.connection.notify("thread/tokenUsage/updated", { threadId: thread.id, turnId: lastTurn, tokenUsage: usage }),
          );
        }
        return response;
      }),

    "thread/fork": (params, context) =>
      guarded(async () => {
        const thread = await manager.forkThread(
          { threadId: params.threadId, ...(params.path ? { path: params.path } : {}) },
          startOptions(params, context),
        );
        service.attach(thread, context.connection);
        const response = sessionResponse(thread, params.excludeTurns !== true);
        response.thread.forkedFromId = params.threadId;
        afterResponse(() => context.connection.notify("thread/started", { thread: response.thread }));
        return response;
      }),

    "thread/list": (params) =>
      guarded(async () => {
        const cwds = params.cwd === undefined || params.cwd === null ? [] : Array.isArray(params.cwd) ? params.cwd : [params.cwd];
        const page = await threadPage(manager.codexHome, {
          limit: params.limit ?? 25,
          ...(params.cursor ? { cursor: params.cursor } : {}),
          cwds,
          ...(params.sourceKinds && params.sourceKinds.length > 0 ? { source: params.sourceKinds } : {}),
          ...(params.archived ? { archived: true } : {}),
        });
        let data = await Promise.all(page.items.map((summary) => wireThreadFromSummary(summary)));
        if (params.modelProviders && params.modelProviders.length > 0) {
          const wanted = new Set(params.modelProviders);
          data = data.filter((thread) => wanted.has(thread.modelProvider));
        }
        for (const thread of data) {
          const loaded = service.get(thread.id);
          if (loaded) thread.status = loaded.status;
        }
        return { data, nextCursor: page.nextCursor ?? null };
      }),

    "thread/loaded/list": async (params) => {
      const ids = service.loadedIds().sort();
      const start = params.cursor ? Math.max(0, ids.indexOf(params.cursor) + 1) : 0;
      const limit = params.limit ?? ids.length;
      const data = ids.slice(start, start + limit);
      const next = start + limit < ids.length ? (data.at(-1) ?? null) : null;
      return { data, nextCursor: next };
    },

    "thread/read": (params) =>
      guarded(async () => {
        const loaded = service.get(params.threadId);
        if (loaded) return { thread: wireThreadOf(loaded, { includeTurns: params.includeTurns === true }) };
        const path = await manager.rolloutPath(params.threadId);
        return { thread: await wireThreadFromRollout(path, { includeTurns: params.includeTurns === true }) };
      }),

    "thread/archive": (params, context) =>
      guarded(async () => {
        const loaded = service.get(params.threadId);
        const path = loaded?.path ?? (await manager.rolloutPath(params.threadId));
        if (loaded) await service.unload(params.threadId);
        await archiveRollout(manager.codexHome, path);
        afterResponse(() => context.services.broadcast("thread/archived", { threadId: params.threadId }));
        return {};
      }),

    "thread/unarchive": (params, context) =>
      guarded(async () => {
        const archived = await findRolloutByThreadId(manager.codexHome, params.threadId);
        if (!archived) throw new ThreadNotFoundError(`no archived rollout found for thread id ${params.threadId}`);
        const path = await unarchiveRollout(manager.codexHome, archived);
        afterResponse(() => context.services.broadcast("thread/unarchived", { threadId: params.threadId }));
        return { thread: await wireThreadFromRollout(path, { includeTurns: false }) };
      }),

    "thread/name/set": (params, context) =>
      guarded(async () => {
        const name = params.name.trim();
        if (name.length === 0) throw invalidRequest("thread name must not be empty");
        const loaded = service.get(params.threadId);
        if (loaded) {
          await loaded.setName(name);
        } else {
          // A stored thread is loaded just long enough to record the name.
          const thread = await manager.resumeThread({ threadId: params.threadId });
          try {
            await thread.setName(name);
          } finally {
            await manager.unload(thread.id);
          }
        }
        afterResponse(() => context.services.broadcast("thread/name/updated", { threadId: params.threadId, threadName: name }));
        return {};
      }),

    "thread/compact/start": (params) =>
      guarded(async () => {
        const thread = loadedThread(service, params.threadId);
        await service.answerBeforeEvents(thread.id, () => thread.startCompaction());
        return {};
      }),

    "turn/start": (params) =>
      guarded(async () => {
        const thread = loadedThread(service, params.threadId);
        if (params.cwd || params.approvalPolicy || params.sandboxPolicy || params.model || params.effort || params.summary) {
          const config = { ...thread.config };
          if (params.cwd) config.cwd = resolve(params.cwd);
          if (params.approvalPolicy) config.approvalPolicy = params.approvalPolicy as typeof config.approvalPolicy;
          if (params.sandboxPolicy) config.sandboxPolicy = sandboxPolicyOf(params.sandboxPolicy);
          if (params.model) config.model = params.model;
          if (params.effort) config.reasoningEffort = params.effort as typeof config.reasoningEffort;
          if (params.summary) config.reasoningSummary = params.summary as typeof config.reasoningSummary;
          thread.config = config;
        }
        const turn = await service.answerBeforeEvents(thread.id, () =>
          thread.startTurn(userInputOf(params.input), {
            ...(params.outputSchema !== undefined && params.outputSchema !== null ? { outputSchema: params.outputSchema } : {}),
            clientUserMessageId: params.clientUserMessageId ?? null,
          }),
        );
        return { turn: wireTurn(turn, false) };
      }),

    "turn/steer": (params) =>
      guarded(async () => {
        const thread = loadedThread(service, params.threadId);
        return { turnId: thread.steer(userInputOf(params.input), params.expectedTurnId) };
      }),

    "turn/interrupt": (params) =>
      guarded(async () => {
        await service.interrupt(loadedThread(service, params.threadId), params.turnId);
        return {};
      }),
  };
}
