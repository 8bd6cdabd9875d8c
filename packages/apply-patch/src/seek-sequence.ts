type LineComparer = (fileLine: string, patchLine: string) => boolean;

const PUNCTUATION: Record<string, string> = {};
for (const dash of "\u2010\u2011\u2012\u2013\u2014\u2015\u2212") PUNCTUATION[dash] = "-";
for (const single of "\u2018\u2019\u201A\u201B") PUNCTUATION[single] = "'";
for (const double of "\u201C\u201D\u201E\u201F") PUNCTUATION[double] = '"';
for (const space of "\u00A0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000") {
  PUNCTUATION[space] = " ";
}
const FANCY = /[\u2010-\u2015\u2212\u2018-\u201F\u00A0\u2002-\u200A\u202F\u205F\u3000]/g;

/** Trims and maps typographic dashes, quotes and spaces to their ASCII forms. */
export function normalizePunctuation(line: string): string {
  return line.trim().replace(FANCY, (char) => PUNCTUATION[char] ?? char);
}

/** Matching passes, strictest first. */
const COMPARERS: LineComparer[] = [
  (a, b) => a === b,
  (a, b) => a.trimEnd() === b.trimEnd(),
  (a, b) => a.trim() === b.trim(),
  (a, b) => normalizePunctuation(a) === normalizePunctuation(b),
];

function matchesAt(lines: string[], pattern: string[], at: number, same: LineComparer): boolean {
  for (let offset = 0; offset < pattern.length; offset += 1) {
    if (!same(lines[at + offset]!, pattern[offset]!)) return false;
  }
  return true;
}

/**
 * Finds `pattern` in `lines` at or after `start`, trying exact equality, then ignoring trailing whitespace,
 * then ignoring surrounding whitespace, then normalising unicode punctuation. With `endOfFile`, a match that
 * ends at the last line wins over earlier ones. Returns the index of the first matching line, or undefined.
 */
export function seekSequence(lines: string[], pattern: string[], start: number, endOfFile: boolean): number | undefined {
  if (pattern.length === 0) return start;
  const last = lines.length - pattern.length;
  if (last < 0) return undefined;
  for (const same of COMPARERS) {
    if (endOfFile && last >= start && matchesAt(lines, pattern, last, same)) return last;
  }
  for (const same of COMPARERS) {
    for (let at = start; at <= last; at += 1) {
      if (matchesAt(lines, pattern, at, same)) return at;
    }
  }
  return undefined;
}
