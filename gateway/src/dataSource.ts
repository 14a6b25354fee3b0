import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER, signForwardedCaller } from '@povgraph/auth';
import { REQUEST_ID_HEADER } from '@povgraph/subgraph-kit';
import type { GatewayContext } from './context';

/** Forwards the verified caller (signed for subgraphs) and the request id with every fetch. */
export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
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
}
