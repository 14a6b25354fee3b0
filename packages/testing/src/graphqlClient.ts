import { CALLER_HEADER, signForwardedCaller, type Caller } from '@povgraph/auth';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

export interface GraphQLClient {
  /** Sends one operation; `caller` null sends none. */
  request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  as(caller: Caller | null): GraphQLClient;
  withHeaders(headers: Record<string, string>): GraphQLClient;
}

/**
 * A small HTTP client for a subgraph or the gateway. For a subgraph, `as(caller)`
 * signs the forwarded-caller header the way the gateway does.
 */
export function graphqlClient(url: string, internalSecret: string, caller: Caller | null = null, headers: Record<string, string> = {}): GraphQLClient {
  return {
    async request(query, variables) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(caller ? { [CALLER_HEADER]: signForwardedCaller(caller, internalSecret) } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    as: (next) => graphqlClient(url, internalSecret, next, headers),
    withHeaders: (more) => graphqlClient(url, internalSecret, caller, { ...headers, ...more }),
  };
}
