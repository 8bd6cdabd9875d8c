import { randomBytes } from "node:crypto";
import { z } from "zod";

/** A thread (session) id: a lowercase hyphenated UUID. New ids are UUID v7 (time-ordered). */
export type ThreadId = string & { readonly __brand: "ThreadId" };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `value` is a UUID string (any version; older sessions used v4 ids). Case-insensitive. */
export function isThreadId(value: unknown): value is ThreadId {
  return typeof value === "string" && UUID_PATTERN.test(value.toLowerCase());
}

/** Error thrown by `parseThreadId` for a string that is not a UUID. */
export class InvalidThreadIdError extends Error {
  readonly code = "invalid_thread_id";
  constructor(readonly value: string) {
    super(`"${value}" is not a valid thread id; expected a UUID such as 0190f1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.`);
    this.name = "InvalidThreadIdError";
  }
}

/** Parses a thread id, normalising it to lowercase; throws `InvalidThreadIdError` otherwise. */
export function parseThreadId(value: string): ThreadId {
  if (!isThreadId(value)) throw new InvalidThreadIdError(value);
  return value.toLowerCase() as ThreadId;
}

export const threadIdSchema: z.ZodType<ThreadId> = z
  .string()
  .refine(isThreadId, { message: "expected a UUID thread id" })
  .transform((value) => value.toLowerCase() as ThreadId) as unknown as z.ZodType<ThreadId>;

let lastMillis = -1;
let lastCounter = 0;

/**
 * A new UUID v7: 48-bit Unix milliseconds, then random bits. Ids made in the same millisecond by this process
 * keep increasing (a 12-bit counter in `rand_a`), so sorting ids sorts them by creation.
 */
export function newThreadId(now: number = Date.now()): ThreadId {
  const bytes = randomBytes(16);
  let millis = Math.max(0, Math.floor(now));
  if (millis <= lastMillis) {
    millis = lastMillis;
    lastCounter += 1;
    if (lastCounter > 0xfff) {
      millis += 1;
      lastCounter = 0;
    }
  } else {
    lastCounter = bytes[6]! & 0x07; // leave room to count up within the millisecond
  }
  lastMillis = millis;
  const high = Math.floor(millis / 2 ** 16);
  bytes[0] = (high >>> 24) & 0xff;
  bytes[1] = (high >>> 16) & 0xff;
  bytes[2] = (high >>> 8) & 0xff;
  bytes[3] = high & 0xff;
  bytes[4] = (millis >>> 8) & 0xff;
  bytes[5] = millis & 0xff;
  bytes[6] = 0x70 | ((lastCounter >>> 8) & 0x0f);
  bytes[7] = lastCounter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as ThreadId;
}

/** The creation time in Unix milliseconds encoded in a UUID v7 id, or undefined for other versions. */
export function threadIdTimestamp(id: ThreadId): number | undefined {
  if (id[14] !== "7") return undefined;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
