// Ties a zod validator to the wire type it checks, in both directions: the compiler rejects a validator
// whose output type is not exactly the wire type (a missing optional field, a wrong nullability, an
// extra key), so the TypeScript types and the runtime checks cannot drift apart.
import path from "node:path";
import { z } from "zod";

/** True when X and Y are the same type (not just mutually assignable). */
export type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;

/**
 * `exact<T>()(schema)` returns `schema` typed as `z.ZodType<T>`. When the schema's output differs from T,
 * the call needs a second argument that cannot be supplied, so compilation fails at that line.
 */
export function exact<T>() {
  return <S extends z.ZodType<T>>(
    schema: S,
    ..._mismatch: Equals<z.output<S>, T> extends true ? [] : [mismatch: { wireType: T; validatorOutput: z.output<S> }]
  ): z.ZodType<T> => schema;
}

/** Signed 64-bit integer (as far as a JavaScript number can hold it). */
export const int64 = z.number().int();
/** Signed 32-bit integer. */
export const int32 = z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1);
/** Unsigned integer. */
export const uint = z.number().int().min(0);
/** Unsigned 16-bit integer. */
export const uint16 = z.number().int().min(0).max(0xffff);
/** Unsigned 32-bit integer. */
export const uint32 = z.number().int().min(0).max(0xffffffff);
/** Unsigned 64-bit integer (as far as a JavaScript number can hold it). */
export const uint64 = z.number().int().min(0);
/** Any JSON value, including null; the key must be present. */
export const jsonValue = z.unknown();
/** Any JSON value; the key may be absent. */
export const optionalJsonValue = z.unknown().optional();
/**
 * An absolute path string (the wire form of upstream's `AbsolutePathBuf`); relative paths are rejected with
 * upstream's message, which names no field.
 */
export const absolutePath = z.string().refine((value) => value.length > 0 && path.isAbsolute(value), {
  message: "AbsolutePathBuf deserialized without a base path",
  params: { unprefixed: true },
});
/** Optional and nullable: the wire form of an `Option<T>` field. */
export function nullish<S extends z.ZodType>(schema: S) {
  return schema.nullable().optional();
}
