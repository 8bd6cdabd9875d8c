/** Bytes a code point takes in UTF-8. A lone surrogate counts as U+FFFD (3 bytes), which is how it is encoded. */
export function utf8CodePointLength(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Length of `text` in UTF-8 bytes, without allocating a buffer. */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Number of Unicode scalar values (code points) in `text`. */
export function charCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character.
 * Returns `text` itself when it already fits.
 */
export function takeBytesAtCharBoundary(text: string, maxBytes: number): string {
  if (utf8ByteLength(text) <= maxBytes) return text;
  const end = prefixEnd(text, maxBytes);
  return text.slice(0, end.index);
}

/**
 * Longest suffix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character.
 * Returns `text` itself when it already fits.
 */
export function takeLastBytesAtCharBoundary(text: string, maxBytes: number): string {
  if (utf8ByteLength(text) <= maxBytes) return text;
  let used = 0;
  let start = text.length;
  while (start > 0) {
    const { codePoint, units } = codePointBefore(text, start);
    const size = utf8CodePointLength(codePoint);
    if (used + size > maxBytes) break;
    used += size;
    start -= units;
  }
  return text.slice(start);
}

/** Where a prefix of at most `maxBytes` UTF-8 bytes ends: UTF-16 index, bytes and characters it holds. */
export function prefixEnd(text: string, maxBytes: number): { index: number; bytes: number; chars: number } {
  let index = 0;
  let bytes = 0;
  let chars = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index)!;
    const size = utf8CodePointLength(codePoint);
    if (bytes + size > maxBytes) break;
    bytes += size;
    chars++;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return { index, bytes, chars };
}

/**
 * Where the suffix made of the characters that start at or after UTF-8 byte offset `startByte` begins:
 * UTF-16 index and the number of characters it holds. `totalBytes` is the byte length of `text`.
 */
export function suffixStart(text: string, startByte: number, totalBytes: number): { index: number; chars: number } {
  let index = text.length;
  let byteOffset = totalBytes;
  let chars = 0;
  while (index > 0) {
    const { codePoint, units } = codePointBefore(text, index);
    const charStart = byteOffset - utf8CodePointLength(codePoint);
    if (charStart < startByte) break;
    byteOffset = charStart;
    index -= units;
    chars++;
  }
  return { index, chars };
}

function codePointBefore(text: string, index: number): { codePoint: number; units: number } {
  const last = text.charCodeAt(index - 1);
  if (last >= 0xdc00 && last <= 0xdfff && index >= 2) {
    const lead = text.charCodeAt(index - 2);
    if (lead >= 0xd800 && lead <= 0xdbff) {
      return { codePoint: (lead - 0xd800) * 0x400 + (last - 0xdc00) + 0x10000, units: 2 };
    }
  }
  return { codePoint: last, units: 1 };
}
