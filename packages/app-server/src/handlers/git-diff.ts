// `gitDiffToRemote`: the diff between a working tree and the closest commit it shares with a remote.
import path from "node:path";
import { gitDiffToRemote } from "@codex-ts/git-utils";
import { serverCwd } from "./config-loading.js";
import type { RequestHandlers } from "./context.js";
import { invalidRequest } from "./rpc-errors.js";

export function createGitDiffHandlers(): Pick<RequestHandlers, "gitDiffToRemote"> {
  return {
    gitDiffToRemote: async (params) => {
      const cwd = path.resolve(serverCwd(), params.cwd);
      try {
        const { sha, diff } = await gitDiffToRemote(cwd);
        return { sha, diff };
      } catch {
        throw invalidRequest(`failed to compute git diff to remote for cwd: ${JSON.stringify(params.cwd)}`);
      }
    },
  };
}
