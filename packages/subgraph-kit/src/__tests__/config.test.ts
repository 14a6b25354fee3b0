import { loadSubgraphConfig } from '../config';
import { z } from 'zod';

const secret = 'x'.repeat(32);

describe('loadSubgraphConfig', () => {
  it('names every setting after the service and defaults the rest', () => {
    const config = loadSubgraphConfig('credit', 4002, { DATABASE_URL: 'postgres://u@db:5432/postgres', POVGRAPH_INTERNAL_SECRET: secret });
    expect(config).toEqual({ port: 4002, host: '127.0.0.1', databaseUrl: 'postgres://u@db:5432/povgraph_credit', internalSecret: secret, gatewayUrl: 'http://127.0.0.1:4000/graphql', logLevel: 'info', extra: {} });
  });

  it('prefers the service’s own database URL and reads its extra settings', () => {
    const config = loadSubgraphConfig('credit', 4002, { CREDIT_DATABASE_URL: 'postgres://own/credit', CREDIT_PORT: '5002', POVGRAPH_INTERNAL_SECRET: secret, GATEWAY_URL: 'http://gw/graphql' }, { GATEWAY_URL: z.string().url() });
    expect(config).toMatchObject({ port: 5002, databaseUrl: 'postgres://own/credit', extra: { GATEWAY_URL: 'http://gw/graphql' } });
  });

  it('lists every problem at once', () => {
    expect(() => loadSubgraphConfig('credit', 4002, { CREDIT_PORT: 'eighty', POVGRAPH_INTERNAL_SECRET: 'short' })).toThrow(
      /credit: bad configuration\n  CREDIT_PORT: .*\n  POVGRAPH_INTERNAL_SECRET: must be at least 32 characters/,
    );
  });

  it('refuses to start without any database setting', () => {
    expect(() => loadSubgraphConfig('credit', 4002, { POVGRAPH_INTERNAL_SECRET: secret })).toThrow(/DATABASE_URL/);
  });
});
