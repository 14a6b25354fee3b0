/**
 * Every error a povgraph service answers with carries one of these codes in
 * `extensions.code`, so clients branch on the code, never on the message.
 */
export enum ErrorCode {
  /** The input is malformed or breaks a rule; `extensions.field` names the offending field. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** No valid token was presented. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller is known but may not do this (wrong role or outside their area). */
  FORBIDDEN = 'FORBIDDEN',
  /** The thing asked for does not exist. */
  NOT_FOUND = 'NOT_FOUND',
  /** The write clashes with what is already recorded (duplicate code, double support). */
  CONFLICT = 'CONFLICT',
  /** The household does not qualify under the rules in force. */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  /** Another agency's service could not be reached; nothing was written, retry later. */
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  /** Something failed that the caller cannot fix; the message carries a request id to quote. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Codes that are safe to show to a caller as they are. Apollo Server's own
 * request-level codes are included so that parse and validation errors keep
 * their messages.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.NOT_ELIGIBLE,
  ErrorCode.UPSTREAM_UNAVAILABLE,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
