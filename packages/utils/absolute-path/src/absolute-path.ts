import path from "node:path";

declare const absolutePathBrand: unique symbol;

/** A normalised absolute filesystem path. Only constructed through this module. */
export type AbsolutePath = string & { readonly [absolutePathBrand]: true };

/** Thrown when a value that must be an absolute path is not one. */
export class NotAbsolutePathError extends Error {
  readonly code = "NOT_ABSOLUTE_PATH";
  constructor(readonly value: string) {
    super(`expected an absolute path, got ${JSON.stringify(value)}`);
    this.name = "NotAbsolutePathError";
  }
}

/** True when `value` is an absolute path on this platform. */
export function isAbsolutePath(value: string): value is AbsolutePath {
  return path.isAbsolute(value);
}

/** Normalises an absolute path (collapses `.`/`..`, duplicate and trailing separators). Throws when relative. */
export function absolutePath(value: string): AbsolutePath {
  if (value.length === 0 || !path.isAbsolute(value)) {
    throw new NotAbsolutePathError(value);
  }
  return normalise(value);
}

/**
 * Resolves `value` against `base` when it is relative (a leading `~/` expands to `home`), and returns it
 * normalised. An absolute `value` is only normalised.
 */
export function resolveAbsolutePath(
  value: string,
  base: AbsolutePath,
  home?: string,
): AbsolutePath {
  if (home !== undefined && (value === "~" || value.startsWith("~/"))) {
    return normalise(path.join(home, value.slice(1)));
  }
  return normalise(path.resolve(base, value));
}

/** Joins segments onto an absolute path. */
export function joinAbsolutePath(base: AbsolutePath, ...segments: string[]): AbsolutePath {
  return normalise(path.join(base, ...segments));
}

/** The parent folder of an absolute path (the root is its own parent). */
export function parentOf(value: AbsolutePath): AbsolutePath {
  return normalise(path.dirname(value));
}

function normalise(value: string): AbsolutePath {
  const normalised = path.normalize(value);
  const root = path.parse(normalised).root;
  const trimmed =
    normalised.length > root.length && normalised.endsWith(path.sep)
      ? normalised.slice(0, -1)
      : normalised;
  return trimmed as AbsolutePath;
}
