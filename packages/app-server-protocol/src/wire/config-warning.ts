// The `configWarning` notification.
import type { UInt } from "./scalars.js";

/** A position in a text file. */
export interface TextPosition {
  /** Line number (1-based). */
  line: UInt;
  /** Column number (1-based). */
  column: UInt;
}

/** A span in a text file. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

/** A problem found while loading configuration. */
export interface ConfigWarningNotification {
  /** One-line summary. */
  summary: string;
  /** Further details or guidance. */
  details?: string | null;
  /** Config file the problem is in. */
  path?: string | null;
  /** Location of the problem inside that file. */
  range?: TextRange | null;
}
