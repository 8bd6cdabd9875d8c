// `fuzzyFileSearch` (one-shot, cancellable by token) and the `fuzzyFileSearch/session*` methods, whose
// results stream to the connection as `fuzzyFileSearch/sessionUpdated` and `.../sessionCompleted`.
import { FileSearchSession, fuzzyFileSearch, SearchCancellationRegistry } from "@codex-ts/file-search";
import { ConnectionScoped } from "./connection-scoped.js";
import type { RequestHandlers } from "./context.js";
import { internal, invalidRequest } from "./rpc-errors.js";

type FuzzySearchHandlers = Pick<
  RequestHandlers,
  "fuzzyFileSearch" | "fuzzyFileSearch/sessionStart" | "fuzzyFileSearch/sessionUpdate" | "fuzzyFileSearch/sessionStop"
>;

export function createFuzzySearchHandlers(): FuzzySearchHandlers {
  // Tokens are shared by the whole server, as upstream keeps one table of pending searches.
  const cancellations = new SearchCancellationRegistry();
  const sessions = new ConnectionScoped<Map<string, FileSearchSession>>(
    () => new Map(),
    (entries) => {
      for (const session of entries.values()) session.stop();
      entries.clear();
    },
  );

  return {
    fuzzyFileSearch: async (params, context) => {
      const search = cancellations.begin(params.cancellationToken);
      try {
        // A later search under the same token, or the connection closing, cancels this one.
        const signal = AbortSignal.any([search.signal, context.signal]);
        const outcome = await fuzzyFileSearch({ query: params.query, roots: params.roots, signal });
        return { files: outcome.files };
      } finally {
        search.finish();
      }
    },

    "fuzzyFileSearch/sessionStart": async (params, context) => {
      if (params.roots.length === 0) {
        throw internal("failed to start fuzzy file search session: at least one search directory is required");
      }
      const entries = sessions.get(context.connection);
      const { sessionId } = params;
      let session: FileSearchSession;
      try {
        session = FileSearchSession.start({
          roots: params.roots,
          onUpdated: ({ query, files }) => {
            if (entries.get(sessionId) === session) {
              context.connection.notify("fuzzyFileSearch/sessionUpdated", { sessionId, query, files });
            }
          },
          onCompleted: () => {
            if (entries.get(sessionId) === session) {
              context.connection.notify("fuzzyFileSearch/sessionCompleted", { sessionId });
            }
          },
        });
      } catch (error) {
        throw internal(`failed to start fuzzy file search session: ${(error as Error).message}`);
      }
      // Starting an id that is in use replaces the old session.
      entries.get(sessionId)?.stop();
      entries.set(sessionId, session);
      return {};
    },

    "fuzzyFileSearch/sessionUpdate": async (params, context) => {
      const session = sessions.peek(context.connection)?.get(params.sessionId);
      if (session === undefined) {
        throw invalidRequest(`fuzzy file search session not found: ${params.sessionId}`);
      }
      session.update(params.query);
      return {};
    },

    "fuzzyFileSearch/sessionStop": async (params, context) => {
      const entries = sessions.peek(context.connection);
      const session = entries?.get(params.sessionId);
      if (session !== undefined) {
        entries!.delete(params.sessionId);
        session.stop();
      }
      return {};
    },
  };
}
