import type { ApolloServerPlugin } from '@apollo/server';
import { unauthenticated } from '@povgraph/errors';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from './context';

/** Introspection (the explorer loading the schema) is the only thing answered without a token. */
function isIntrospectionOnly(operation: OperationDefinitionNode | null | undefined): boolean {
  return !!operation && operation.operation === 'query' && operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

export function requireTokenPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (!contextValue.caller && !isIntrospectionOnly(operation)) {
            throw unauthenticated('Sign in first: send an Authorization: Bearer <token> header (a development token comes from `pnpm token`).');
          }
        },
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (error.extensions?.['code'] === undefined || error.extensions['code'] === 'INTERNAL_SERVER_ERROR') {
              contextValue.logger.warn({ err: error, path: error.path }, 'gateway error');
            }
          }
        },
      };
    },
  };
}
