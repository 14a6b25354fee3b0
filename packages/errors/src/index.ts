export { ErrorCode, CLIENT_ERROR_CODES } from './ErrorCode';
export {
  appError,
  badUserInput,
  unauthenticated,
  forbidden,
  notFound,
  conflict,
  notEligible,
  upstreamUnavailable,
  isClientError,
  type ErrorDetails,
} from './appError';
