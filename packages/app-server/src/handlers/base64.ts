// Strict decoding of standard, padded base64 (RFC 4648 §4). Node's decoder skips anything it does not
// understand; clients of the upstream server get an error instead, naming the first offending byte, so
// payloads here are checked the same way and rejected with the same wording.

/** Why a base64 string was rejected. */
export class Base64DecodeError extends Error {
  override readonly name = "Base64DecodeError";
}

const PAD = 0x3d; // "="

function symbolValue(byte: number): number {
  if (byte >= 0x41 && byte <= 0x5a) return byte - 0x41; // A-Z
  if (byte >= 0x61 && byte <= 0x7a) return byte - 0x61 + 26; // a-z
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30 + 52; // 0-9
  if (byte === 0x2b) return 62; // +
  if (byte === 0x2f) return 63; // /
  return -1;
}

function invalidSymbol(offset: number, byte: number): Base64DecodeError {
  return new Base64DecodeError(`Invalid symbol ${byte}, offset ${offset}.`);
}

/**
 * Decodes canonical padded base64 into bytes. Throws `Base64DecodeError` for a symbol outside the
 * alphabet or misplaced padding (`Invalid symbol 33, offset 0.`), a dangling single symbol
 * (`Invalid input length: 1`), missing or extra padding (`Invalid padding`) and non-zero trailing bits
 * (`Invalid last symbol 108, offset 2.`).
 */
export function decodeBase64Strict(text: string): Buffer {
  const input = Buffer.from(text, "utf8");
  const length = input.length;
  const remainder = length % 4;
  if (remainder === 1) {
    const last = input[length - 1]!;
    if (last !== PAD && symbolValue(last) < 0) throw invalidSymbol(length - 1, last);
  }
  // Every complete group of four except the last one cannot contain padding.
  const bodyEnd = Math.max(0, length - remainder - (remainder === 0 ? 4 : 0));
  for (let index = 0; index < bodyEnd; index += 1) {
    const byte = input[index]!;
    if (symbolValue(byte) < 0) throw invalidSymbol(index, byte);
  }
  checkFinalGroup(input, bodyEnd);
  return Buffer.from(text, "base64");
}

/** Checks the last (up to four) symbols: padding placement, length, and unused low bits. */
function checkFinalGroup(input: Buffer, start: number): void {
  const values: number[] = [];
  let padding = 0;
  let firstPadding = 0;
  let lastSymbol = 0;
  for (let offset = 0; start + offset < input.length; offset += 1) {
    const byte = input[start + offset]!;
    if (byte === PAD) {
      if (offset < 2) throw invalidSymbol(start + offset, byte);
      if (padding === 0) firstPadding = offset;
      padding += 1;
      continue;
    }
    if (padding > 0) throw invalidSymbol(start + firstPadding, PAD);
    const value = symbolValue(byte);
    if (value < 0) throw invalidSymbol(start + offset, byte);
    lastSymbol = byte;
    values.push(value);
  }
  if (input.length > 0 && values.length < 2) {
    throw new Base64DecodeError(`Invalid input length: ${start + values.length}`);
  }
  if ((padding + values.length) % 4 !== 0) {
    throw new Base64DecodeError("Invalid padding");
  }
  if (values.length === 0) return;
  // The final symbol may carry bits beyond the last whole byte; canonical encodings leave them zero.
  const usedBits = Math.floor((values.length * 6) / 8) * 8;
  const totalBits = values.length * 6;
  const finalValue = values[values.length - 1]!;
  const unusedBits = totalBits - usedBits;
  if (unusedBits > 0 && (finalValue & ((1 << unusedBits) - 1)) !== 0) {
    throw new Base64DecodeError(`Invalid last symbol ${lastSymbol}, offset ${start + values.length - 1}.`);
  }
}
