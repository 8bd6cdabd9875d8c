export {
  APPROX_BYTES_PER_TOKEN,
  type TokenTruncation,
  approxBytesForTokens,
  approxTokenCount,
  approxTokensFromByteCount,
  truncateMiddleChars,
  truncateMiddleTokens,
  truncationMarker,
} from "./truncate.js";
export {
  type TruncationPolicy,
  bytesPolicy,
  countLines,
  formattedTruncateText,
  policyByteBudget,
  policyTokenBudget,
  tokensPolicy,
  truncateText,
  truncationHeader,
} from "./truncation-policy.js";
export {
  charCount,
  takeBytesAtCharBoundary,
  takeLastBytesAtCharBoundary,
  utf8ByteLength,
} from "./utf8.js";
