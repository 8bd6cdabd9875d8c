export { type ApplyPatchResult, type ApplyPatchOptions, applyPatch } from "./apply.js";
export {
  type FileChange,
  type FileReader,
  type ComputeChangesOptions,
  applyHunks,
  computeChanges,
  formatSummary,
} from "./compute.js";
export { ApplyPatchError, type ApplyPatchErrorCode, type ApplyPatchErrorDetails } from "./errors.js";
export { type ParsedPatch, type PatchHunk, type PatchOperation, parsePatch } from "./parser.js";
export { normalizePunctuation, seekSequence } from "./seek-sequence.js";
export { type LineEdit, unifiedDiff } from "./unified-diff.js";
