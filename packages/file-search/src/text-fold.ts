/**
 * Length-preserving text folding for matching: every UTF-16 unit maps to exactly one unit, so an index
 * into a folded string is an index into the original.
 */

const COMBINING_MARK = /^\p{M}$/u;

const NON_ASCII = /[^\u0000-\u007f]/;

function foldUnit(unit: string): string {
  const decomposed = unit.normalize("NFD");
  if (decomposed.length > 1 && COMBINING_MARK.test(decomposed.slice(1, 2))) {
    return decomposed.slice(0, 1);
  }
  return unit;
}

function lowerUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/** Removes diacritics (é → e) from non-ASCII text without changing its length. */
export function foldDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i += 1) out += foldUnit(text.charAt(i));
  return out;
}

/** Lower-cases without changing length (a unit whose lower case is longer is kept as is). */
export function lowerPreservingLength(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i += 1) out += lowerUnit(text.charAt(i));
  return out;
}

/** True when the text has an upper-case letter (smart case: such a query matches case-sensitively). */
export function hasUpperCase(text: string): boolean {
  return text !== text.toLowerCase();
}

/** Converts sorted UTF-16 offsets into code point indices (the unit the wire's `indices` use). */
export function toCodePointIndices(text: string, offsets: readonly number[]): number[] {
  if (!/[\ud800-\udfff]/.test(text)) return [...offsets];
  const result: number[] = [];
  let codePoint = 0;
  let next = 0;
  for (let unit = 0; unit < text.length && next < offsets.length; unit += 1) {
    const code = text.charCodeAt(unit);
    const isTrailSurrogate = code >= 0xdc00 && code <= 0xdfff && unit > 0;
    if (isTrailSurrogate) {
      const lead = text.charCodeAt(unit - 1);
      if (lead >= 0xd800 && lead <= 0xdbff) {
        if (offsets[next] === unit) next += 1; // second half of a pair already counted
        continue;
      }
    }
    if (offsets[next] === unit) {
      if (result[result.length - 1] !== codePoint) result.push(codePoint);
      next += 1;
    }
    codePoint += 1;
  }
  return result;
}
