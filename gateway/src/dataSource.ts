import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, signForwardedCaller } from '@povgraph/auth';
import { ErrorCode } from '@povgraph/errors';
import { REQUEST_ID_HEADER } from '@povgraph/subgraph-kit';
import type { GatewayContext } from './context';

type ErrorArguments = Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>;

/**
 * One subgraph as the gateway sees it: forwards the verified caller (signed for
 * subgraphs) and the request id with every fetch, and turns an unreachable
 * subgraph into an UPSTREAM_UNAVAILABLE error that names it, while the other
 * subgraphs' fields still answer.
 */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Context is empty for the gateway's own requests (health checks); forward nothing then.
    if (!('requestId' in context)) return;
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.caller) request.http?.headers.set(CALLER_HEADER, signForwardedCaller(context.caller, this.internalSecret));
  }

  override didEncounterError(error: ErrorArguments[0], _request: ErrorArguments[1], response?: ErrorArguments[2]): void {
    if (response && response.status < 500) throw error;
    throw new GraphQLError(`The ${this.subgraphName} subgraph is unavailable; the fields it serves are missing from this answer, the rest is complete. Try again in a moment.`, {
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, serviceName: this.subgraphName, retryable: true },
    });
  }
}
