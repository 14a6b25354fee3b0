import { CALLER_HEADER, signForwardedCaller, type Caller } from '@povgraph/auth';
import { upstreamUnavailable } from '@povgraph/errors';

export interface GraphClientOptions {
  /** The gateway's GraphQL URL. */
  gatewayUrl: string;
  /** Signs the caller this service acts for, as the gateway does for subgraphs. */
  internalSecret: string;
  timeoutMs?: number;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; serviceName?: string } }>;
}

/**
 * How one agency's service reads another's data: through the gateway, as the
 * caller it is serving, so the owner applies its own rules. Anything short of a
 * full answer is UPSTREAM_UNAVAILABLE, so the write that needed it is refused
 * whole and may be retried.
 */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /**
   * `owner` names the data in messages, e.g. "the household registry"; `purpose`
   * says whether a write waits on the answer (its message then says nothing was written).
   */
  async request<T>(caller: Caller, owner: string, query: string, variables: Record<string, unknown> = {}, requestId?: string, purpose: 'write' | 'read' = 'write'): Promise<T> {
    const outcome = purpose === 'write' ? '; nothing was written. Try again in a moment.' : '. Try again in a moment.';
    let response: Response;
    try {
      response = await fetch(this.options.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CALLER_HEADER]: signForwardedCaller(caller, this.options.internalSecret),
          ...(requestId ? { 'x-request-id': requestId } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'could not be reached';
      throw upstreamUnavailable(`${capitalise(owner)} ${reason}${outcome}`, { owner });
    }
    const body = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
    if (!response.ok || body.errors?.length || !body.data) {
      const detail = body.errors?.map((e) => e.message).join('; ') || `HTTP ${response.status}`;
      throw upstreamUnavailable(`${capitalise(owner)} could not answer (${detail})${outcome}`, { owner });
    }
    return body.data;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
