import path from 'node:path';
import { signUserToken, type Caller } from '@povgraph/auth';
import { createLogger } from '@povgraph/subgraph-kit';
import { freePort, startTestSubgraph, TEST_INTERNAL_SECRET, TEST_JWT_SECRET, type TestSubgraph, type TestSubgraphRecipe } from '@povgraph/testing';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { startGateway, type RunningGateway } from '../../gateway/src/server';

export interface TestStack {
  gateway: RunningGateway;
  subgraphs: Record<string, TestSubgraph>;
  /** POSTs an operation to the gateway as `caller` (a signed user token), or with no token. */
  request<T = any>(caller: Caller | null, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T | null; errors?: any[] } }>;
  /** The operation's data; throws, naming the errors, unless the gateway answered 200 without any error. */
  data<T = any>(caller: Caller | null, query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Takes one subgraph down (an agency's outage) while the rest keeps running. */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The committed supergraph served by the real gateway, over subgraphs started
 * in this process on fresh databases: what a client sees, end to end.
 */
export async function startTestStack(recipes: Record<string, TestSubgraphRecipe<BaseContext & any>>): Promise<TestStack> {
  // The gateway's port is chosen first: services read other agencies' data through it.
  const gatewayPort = await freePort();
  const subgraphs: Record<string, TestSubgraph> = {};
  for (const [name, recipe] of Object.entries(recipes)) subgraphs[name] = await startTestSubgraph(recipe, `http://127.0.0.1:${gatewayPort}/graphql`);
  const gateway = await startGateway(
    {
      port: gatewayPort,
      host: '127.0.0.1',
      jwtSecret: TEST_JWT_SECRET,
      internalSecret: TEST_INTERNAL_SECRET,
      supergraphPath: path.join(__dirname, '..', '..', 'gateway', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
      logLevel: 'silent',
    },
    createLogger('gateway', 'silent'),
  );
  const request: TestStack['request'] = async (caller, query, variables, headers = {}) => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(caller ? { authorization: `Bearer ${signUserToken(caller, TEST_JWT_SECRET)}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };
  return {
    gateway,
    subgraphs,
    request,
    async data(caller, query, variables) {
      const { status, body } = await request(caller, query, variables);
      if (body.errors || status !== 200) throw new Error(`The gateway answered ${status} with errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async stopSubgraph(name) {
      const subgraph = subgraphs[name];
      delete subgraphs[name];
      await subgraph?.stop();
    },
    async stop() {
      await gateway.stop();
      for (const subgraph of Object.values(subgraphs)) await subgraph.stop();
    },
  };
}
