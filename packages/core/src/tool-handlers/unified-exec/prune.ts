/** What pruning needs to know about a session. */
export interface PruneCandidate {
  readonly lastUsed: number;
  readonly hasExited: boolean;
}

/**
 * Picks the session to drop when the limit is reached: never one of the `protectedCount` most recently used;
 * among the rest, the least recently used one that has exited, else the least recently used one. Undefined when
 * every session is protected.
 */
export function sessionToPrune<T extends PruneCandidate>(sessions: readonly T[], protectedCount: number): T | undefined {
  const byRecency = [...sessions].sort((a, b) => b.lastUsed - a.lastUsed);
  const candidates = byRecency.slice(protectedCount).reverse(); // least recently used first
  return candidates.find((session) => session.hasExited) ?? candidates[0];
}
