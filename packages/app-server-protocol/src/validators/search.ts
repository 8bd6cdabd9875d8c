// Validators of fuzzy file search and `gitDiffToRemote`.
import { z } from "zod";
import type {
  FuzzyFileSearchMatchType,
  FuzzyFileSearchParams,
  FuzzyFileSearchResponse,
  FuzzyFileSearchResult,
  FuzzyFileSearchSessionCompletedNotification,
  FuzzyFileSearchSessionStartParams,
  FuzzyFileSearchSessionStartResponse,
  FuzzyFileSearchSessionStopParams,
  FuzzyFileSearchSessionStopResponse,
  FuzzyFileSearchSessionUpdateParams,
  FuzzyFileSearchSessionUpdateResponse,
  FuzzyFileSearchSessionUpdatedNotification,
  GitDiffToRemoteParams,
  GitDiffToRemoteResponse,
} from "../wire/index.js";
import { exact, nullish, uint32 } from "./exact.js";

export const fuzzyFileSearchParamsSchema = exact<FuzzyFileSearchParams>()(
  z.object({ query: z.string(), roots: z.array(z.string()), cancellationToken: nullish(z.string()) }),
);
export const fuzzyFileSearchMatchTypeSchema = exact<FuzzyFileSearchMatchType>()(z.enum(["file", "directory"]));
export const fuzzyFileSearchResultSchema = exact<FuzzyFileSearchResult>()(
  z.object({
    root: z.string(),
    path: z.string(),
    match_type: fuzzyFileSearchMatchTypeSchema,
    file_name: z.string(),
    score: uint32,
    indices: nullish(z.array(uint32)),
  }),
);
export const fuzzyFileSearchResponseSchema = exact<FuzzyFileSearchResponse>()(
  z.object({ files: z.array(fuzzyFileSearchResultSchema) }),
);

export const fuzzyFileSearchSessionStartParamsSchema = exact<FuzzyFileSearchSessionStartParams>()(
  z.object({ sessionId: z.string(), roots: z.array(z.string()) }),
);
export const fuzzyFileSearchSessionStartResponseSchema = exact<FuzzyFileSearchSessionStartResponse>()(z.object({}));
export const fuzzyFileSearchSessionUpdateParamsSchema = exact<FuzzyFileSearchSessionUpdateParams>()(
  z.object({ sessionId: z.string(), query: z.string() }),
);
export const fuzzyFileSearchSessionUpdateResponseSchema = exact<FuzzyFileSearchSessionUpdateResponse>()(z.object({}));
export const fuzzyFileSearchSessionStopParamsSchema = exact<FuzzyFileSearchSessionStopParams>()(
  z.object({ sessionId: z.string() }),
);
export const fuzzyFileSearchSessionStopResponseSchema = exact<FuzzyFileSearchSessionStopResponse>()(z.object({}));
export const fuzzyFileSearchSessionUpdatedNotificationSchema = exact<FuzzyFileSearchSessionUpdatedNotification>()(
  z.object({ sessionId: z.string(), query: z.string(), files: z.array(fuzzyFileSearchResultSchema) }),
);
export const fuzzyFileSearchSessionCompletedNotificationSchema = exact<FuzzyFileSearchSessionCompletedNotification>()(
  z.object({ sessionId: z.string() }),
);

export const gitDiffToRemoteParamsSchema = exact<GitDiffToRemoteParams>()(z.object({ cwd: z.string() }));
export const gitDiffToRemoteResponseSchema = exact<GitDiffToRemoteResponse>()(
  z.object({ sha: z.string(), diff: z.string() }),
);
