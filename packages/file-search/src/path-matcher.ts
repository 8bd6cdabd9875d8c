import type { CandidateStore } from "./candidate-store.js";
import { fuzzyScore, runScore } from "./fuzzy-score.js";
import type { QueryPattern, QueryTerm } from "./query-pattern.js";

/** Extra score when a term equals the last path component (or its name without extension). */
const BONUS_NAME_EXACT = 48;
/** Extra score when the last path component starts with a term. */
const BONUS_NAME_PREFIX = 24;
/** Extra score when the last path component contains a term contiguously. */
const BONUS_NAME_CONTAINS = 8;
/** Scores are scaled so the length tie-break below never outweighs a single point of match quality. */
const LENGTH_SLOTS = 1024;
const MAX_SUBSTRING_OCCURRENCES = 32;

function substringScore(haystack: string, cased: string, term: QueryTerm, positions?: number[]): number {
  const length = term.text.length;
  let best = -1;
  let bestAt = -1;
  const consider = (at: number): void => {
    const score = runScore(cased, at, length);
    if (score > best) {
      best = score;
      bestAt = at;
    }
  };
  switch (term.kind) {
    case "prefix":
      if (haystack.startsWith(term.text)) consider(0);
      break;
    case "suffix":
      if (haystack.endsWith(term.text)) consider(haystack.length - length);
      break;
    case "equal":
      if (haystack === term.text) consider(0);
      break;
    default: {
      let seen = 0;
      for (let at = haystack.indexOf(term.text); at >= 0 && seen < MAX_SUBSTRING_OCCURRENCES; seen += 1) {
        consider(at);
        at = haystack.indexOf(term.text, at + 1);
      }
    }
  }
  if (best >= 0 && positions !== undefined) {
    for (let k = 0; k < length; k += 1) positions.push(bestAt + k);
  }
  return best;
}

function nameBonus(haystack: string, nameStart: number, term: QueryTerm): number {
  const name = haystack.slice(nameStart);
  if (name === term.text) return BONUS_NAME_EXACT;
  const dot = name.lastIndexOf(".");
  if (dot > 0 && name.slice(0, dot) === term.text) return BONUS_NAME_EXACT;
  if (name.startsWith(term.text)) return BONUS_NAME_PREFIX;
  return name.includes(term.text) ? BONUS_NAME_CONTAINS : 0;
}

/**
 * Score of candidate `id` for `pattern`, or -1 when it does not match. Higher is better; among equal
 * match quality a shorter path scores higher. Matched offsets go to `positions` when given.
 */
export function scoreCandidate(pattern: QueryPattern, store: CandidateStore, id: number, positions?: number[]): number {
  const cased = store.cased[id] as string;
  let total = 0;
  let bonus = 0;
  for (const term of pattern.terms) {
    const haystack = term.caseSensitive ? cased : (store.lower[id] as string);
    if (term.negated) {
      if (substringScore(haystack, cased, term) >= 0) return -1;
      continue;
    }
    const score =
      term.kind === "fuzzy"
        ? fuzzyScore(haystack, cased, term.text, positions)
        : substringScore(haystack, cased, term, positions);
    if (score < 0) return -1;
    total += score;
    bonus = Math.max(bonus, nameBonus(haystack, store.nameStart[id] as number, term));
  }
  const length = Math.min(LENGTH_SLOTS - 1, cased.length);
  return Math.max(1, total + bonus) * LENGTH_SLOTS + (LENGTH_SLOTS - 1 - length);
}

/** Ordering of two scored candidates: negative when `a` ranks before `b`. Total and deterministic. */
export function compareScored(store: CandidateStore, aId: number, aScore: number, bId: number, bScore: number): number {
  if (aScore !== bScore) return bScore - aScore;
  const aPath = store.paths[aId] as string;
  const bPath = store.paths[bId] as string;
  if (aPath !== bPath) return aPath < bPath ? -1 : 1;
  return (store.rootIndex[aId] as number) - (store.rootIndex[bId] as number);
}
