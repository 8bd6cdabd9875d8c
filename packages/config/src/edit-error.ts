export type ConfigEditErrorCode = "EDIT_INVALID_PATH" | "EDIT_INVALID_VALUE" | "EDIT_CONFLICT" | "EDIT_PARSE" | "EDIT_IO";

/** A config edit that cannot be made. */
export class ConfigEditError extends Error {
  constructor(
    readonly code: ConfigEditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ConfigEditError";
  }
}
