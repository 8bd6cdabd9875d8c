/**
 * Scoring of one query term against one path, in the manner of fzf's "v2" algorithm: an optimal
 * alignment (dynamic programming) that rewards matches at word and path boundaries, camelCase humps and
 * consecutive runs, and charges for gaps. Paths are scored as if preceded by a separator, so the first
 * character counts as a boundary.
 */

export const SCORE_MATCH = 16;
const GAP_START = -3;
const GAP_EXTENSION = -1;
const BONUS_BOUNDARY = SCORE_MATCH / 2;
const BONUS_NON_WORD = SCORE_MATCH / 2;
const BONUS_CAMEL = BONUS_BOUNDARY + GAP_EXTENSION;
const BONUS_CONSECUTIVE = -(GAP_START + GAP_EXTENSION);
const BONUS_BOUNDARY_DELIMITER = BONUS_BOUNDARY + 1;
const BONUS_BOUNDARY_WHITE = BONUS_BOUNDARY + 2;
const FIRST_CHAR_MULTIPLIER = 2;
const NO_MATCH = -1_000_000;

const NON_WORD = 0;
const LOWER = 1;
const UPPER = 2;
const NUMBER = 3;
const DELIMITER = 4;
const WHITE = 5;

function charClass(code: number): number {
  if (code >= 97 && code <= 122) return LOWER;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 48 && code <= 57) return NUMBER;
  if (code === 47 || code === 92) return DELIMITER;
  if (code === 32 || code === 9) return WHITE;
  if (code < 128) return NON_WORD;
  const ch = String.fromCharCode(code);
  if (ch.toLowerCase() !== ch) return UPPER;
  return /\s/.test(ch) ? WHITE : LOWER;
}

function bonusFor(previous: number, current: number): number {
  if (current === LOWER || current === UPPER || current === NUMBER) {
    if (previous === WHITE) return BONUS_BOUNDARY_WHITE;
    if (previous === DELIMITER) return BONUS_BOUNDARY_DELIMITER;
    if (previous === NON_WORD) return BONUS_BOUNDARY;
    if (previous === LOWER && current === UPPER) return BONUS_CAMEL;
    if (previous !== NUMBER && current === NUMBER) return BONUS_CAMEL;
    return 0;
  }
  return current === WHITE ? BONUS_BOUNDARY_WHITE : BONUS_NON_WORD;
}

const BONUS_TABLE = new Int8Array(36);
for (let previous = 0; previous < 6; previous += 1) {
  for (let current = 0; current < 6; current += 1) BONUS_TABLE[previous * 6 + current] = bonusFor(previous, current);
}

/** Bonus for matching the character at `index` of `text` (which keeps the original case). */
export function bonusAt(text: string, index: number): number {
  const previous = index === 0 ? DELIMITER : charClass(text.charCodeAt(index - 1));
  return BONUS_TABLE[previous * 6 + charClass(text.charCodeAt(index))] as number;
}

/** Score of the contiguous run `text[start, start + length)`. */
export function runScore(cased: string, start: number, length: number): number {
  let score = 0;
  let run = 0;
  for (let k = 0; k < length; k += 1) {
    const bonus = bonusAt(cased, start + k);
    if (k === 0) {
      score += SCORE_MATCH + bonus * FIRST_CHAR_MULTIPLIER;
      run = bonus;
    } else {
      if (bonus >= BONUS_BOUNDARY && bonus > run) run = bonus;
      score += SCORE_MATCH + Math.max(bonus, BONUS_CONSECUTIVE, run);
    }
  }
  return score;
}

let scoreRows = new Int32Array(512);
let runRows = new Int32Array(512);
let bonuses = new Int32Array(256);

function ensureCapacity(width: number): void {
  if (bonuses.length < width) bonuses = new Int32Array(width * 2);
  if (scoreRows.length < width * 2) {
    scoreRows = new Int32Array(width * 4);
    runRows = new Int32Array(width * 4);
  }
}

/**
 * Best fuzzy alignment of `needle` within `haystack` (both already case-folded as the term requires).
 * `cased` is the same text in its original case, for boundary bonuses. Returns the score, or -1 when
 * `needle` is not a subsequence. When `positions` is given it receives the matched offsets.
 */
export function fuzzyScore(haystack: string, cased: string, needle: string, positions?: number[]): number {
  const m = needle.length;
  const start = haystack.indexOf(needle.charAt(0));
  if (start < 0) return -1;
  for (let k = 1, at = start; k < m; k += 1) {
    at = haystack.indexOf(needle.charAt(k), at + 1);
    if (at < 0) return -1;
  }
  const end = haystack.lastIndexOf(needle.charAt(m - 1)) + 1;
  if (m === 1) return singleCharScore(haystack, cased, needle.charCodeAt(0), start, end, positions);
  const width = end - start;
  ensureCapacity(width);
  for (let w = 0; w < width; w += 1) bonuses[w] = bonusAt(cased, start + w);

  const from = positions === undefined ? undefined : new Int32Array(m * width);
  let previous = 0;
  let current = width;
  const first = needle.charCodeAt(0);
  for (let w = 0; w < width; w += 1) {
    const matches = haystack.charCodeAt(start + w) === first;
    scoreRows[w] = matches ? SCORE_MATCH + (bonuses[w] as number) * FIRST_CHAR_MULTIPLIER : NO_MATCH;
    runRows[w] = bonuses[w] as number;
  }
  for (let i = 1; i < m; i += 1) {
    const code = needle.charCodeAt(i);
    const last = width - (m - 1 - i);
    scoreRows.fill(NO_MATCH, current, current + width);
    let bestGap = NO_MATCH;
    let bestGapFrom = -1;
    for (let w = i; w < last; w += 1) {
      if (w >= 2) {
        bestGap += GAP_EXTENSION;
        const candidate = (scoreRows[previous + w - 2] as number) + GAP_START;
        if (candidate >= bestGap) {
          bestGap = candidate;
          bestGapFrom = w - 2;
        }
      }
      if (haystack.charCodeAt(start + w) !== code) continue;
      const bonus = bonuses[w] as number;
      let score = NO_MATCH;
      let run = bonus;
      let origin = -1;
      if (bestGap > NO_MATCH / 2) {
        score = bestGap + SCORE_MATCH + bonus;
        origin = bestGapFrom;
      }
      const diagonal = scoreRows[previous + w - 1] as number;
      if (diagonal > NO_MATCH / 2) {
        let runBonus = runRows[previous + w - 1] as number;
        if (bonus >= BONUS_BOUNDARY && bonus > runBonus) runBonus = bonus;
        const consecutive = diagonal + SCORE_MATCH + Math.max(bonus, BONUS_CONSECUTIVE, runBonus);
        if (consecutive >= score) {
          score = consecutive;
          run = runBonus;
          origin = w - 1;
        }
      }
      scoreRows[current + w] = score;
      runRows[current + w] = run;
      if (from !== undefined) from[i * width + w] = origin;
    }
    previous = current;
    current = current === 0 ? width : 0;
  }
  let best = NO_MATCH;
  let bestAt = -1;
  for (let w = m - 1; w < width; w += 1) {
    const score = scoreRows[previous + w] as number;
    if (score > best) {
      best = score;
      bestAt = w;
    }
  }
  if (bestAt < 0) return -1;
  if (positions !== undefined && from !== undefined) {
    const found = new Array<number>(m);
    for (let i = m - 1, w = bestAt; i >= 0; i -= 1) {
      found[i] = start + w;
      w = from[i * width + w] as number;
    }
    positions.push(...found);
  }
  return Math.max(1, best);
}

function singleCharScore(
  haystack: string,
  cased: string,
  code: number,
  start: number,
  end: number,
  positions: number[] | undefined,
): number {
  let best = -1;
  let bestAt = start;
  for (let at = start; at < end; at += 1) {
    if (haystack.charCodeAt(at) !== code) continue;
    const score = SCORE_MATCH + bonusAt(cased, at) * FIRST_CHAR_MULTIPLIER;
    if (score > best) {
      best = score;
      bestAt = at;
    }
  }
  positions?.push(bestAt);
  return best;
}
