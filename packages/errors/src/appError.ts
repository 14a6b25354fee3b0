import { GraphQLError } from 'graphql';
import { CLIENT_ERROR_CODES, ErrorCode } from './ErrorCode';

export interface ErrorDetails {
  /** Path of the offending input field, e.g. `input.communeCode`. */
  field?: string;
  /** Whether trying again later may succeed (set for upstream failures). */
  retryable?: boolean;
  [key: string]: unknown;
}

/** A GraphQL error a clerk can act on: a code from {@link ErrorCode} plus details. */
export function appError(code: ErrorCode, message: string, details: ErrorDetails = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const badUserInput = (field: string, message: string, details: ErrorDetails = {}) =>
  appError(ErrorCode.BAD_USER_INPUT, message, { field, ...details });

export const unauthenticated = (message = 'Sign in first: send an Authorization: Bearer <token> header.') =>
  appError(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message: string) => appError(ErrorCode.FORBIDDEN, message);

export const notFound = (message: string, details: ErrorDetails = {}) =>
  appError(ErrorCode.NOT_FOUND, message, details);

export const conflict = (message: string, details: ErrorDetails = {}) =>
  appError(ErrorCode.CONFLICT, message, details);

export const notEligible = (message: string, details: ErrorDetails = {}) =>
  appError(ErrorCode.NOT_ELIGIBLE, message, details);

export const upstreamUnavailable = (message: string, details: ErrorDetails = {}) =>
  appError(ErrorCode.UPSTREAM_UNAVAILABLE, message, { retryable: true, ...details });

/** True for errors whose message is meant for the caller (known code). */
export function isClientError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const code = error.extensions?.['code'];
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}
