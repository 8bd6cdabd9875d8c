// Scalar aliases shared by the wire types. The JSDoc tags carry the JSON Schema details (integer
// format, bounds); the schema generator inlines these aliases instead of emitting definitions.

/**
 * Signed 64-bit integer.
 * @asType integer
 * @format int64
 */
export type Int64 = number;

/**
 * Signed 32-bit integer.
 * @asType integer
 * @format int32
 */
export type Int32 = number;

/**
 * Unsigned machine-size integer.
 * @asType integer
 * @format uint
 * @minimum 0
 */
export type UInt = number;

/**
 * Unsigned 16-bit integer.
 * @asType integer
 * @format uint16
 * @minimum 0
 */
export type UInt16 = number;

/**
 * Unsigned 32-bit integer.
 * @asType integer
 * @format uint32
 * @minimum 0
 */
export type UInt32 = number;

/**
 * Unsigned 64-bit integer.
 * @asType integer
 * @format uint64
 * @minimum 0
 */
export type UInt64 = number;

/** Any JSON value. */
export type JsonValue = unknown;

/** An absolute filesystem path on the machine running the server. */
export type AbsolutePathBuf = string;
