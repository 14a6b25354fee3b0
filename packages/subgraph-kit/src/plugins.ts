import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, isClientError, unauthenticated } from '@povgraph/errors';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { BaseContext } from './context';

/**
 * Unexpected errors (bugs, database faults) are logged once with the request id
 * and reach the caller only as INTERNAL_SERVER_ERROR plus that id: no internals leak.
 */
export function errorPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original: unknown = unwrapResolverError(error);
            const expected = isClientError(original) || error.extensions?.['code'] !== undefined;
            if (!expected) {
              contextValue.logger.error({ err: original, path: error.path }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.['code'] === ErrorCode.INTERNAL_SERVER_ERROR
              ? {
                  ...error,
                  message: `Unexpected error; quote request ${contextValue.requestId} when reporting it.`,
                  extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: contextValue.requestId },
                }
              : error,
          );
        },
      };
    },
  };
}

/** Only the composition query `{ _service { sdl } }` may be asked without a caller. */
function isServiceSdlOnly(operation: OperationDefinitionNode | null | undefined): boolean {
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && (selection.name.value === '_service' || selection.name.value === '__typename'),
  );
}

/** Refuses every operation from an unidentified caller: reads are not public. */
export function requireCallerPlugin<T extends BaseContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (!contextValue.caller && !isServiceSdlOnly(operation)) throw unauthenticated();
        },
      };
    },
  };
}
