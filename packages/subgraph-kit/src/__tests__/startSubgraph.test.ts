import { parse } from 'graphql';
import { createDataSource } from '@povgraph/db';
import { conflict } from '@povgraph/errors';
import { createTestDatabase, graphqlClient, testCallers, TEST_INTERNAL_SECRET, type TestDatabase } from '@povgraph/testing';
import { createLogger, startSubgraph, type RunningSubgraph } from '..';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { hello: String! broken: String! refused: String! whoAmI: String }
`);

let database: TestDatabase;
let running: RunningSubgraph;
const dataSource = () => source;
let source: ReturnType<typeof createDataSource>;

beforeAll(async () => {
  database = await createTestDatabase('kit');
  source = createDataSource({ url: database.url, entities: [], migrations: [], applicationName: 'kit-test' });
  await source.initialize();
  running = await startSubgraph({
    name: 'kit',
    port: 0,
    typeDefs,
    resolvers: {
      Query: {
        hello: () => 'xin chào',
        broken: () => { throw new Error('relation "secret_table" does not exist'); },
        refused: () => { throw conflict('Already done.'); },
        whoAmI: (_: unknown, __: unknown, context: { caller: { subject: string } | null }) => context.caller?.subject ?? null,
      },
    },
    dataSource: source,
    logger: createLogger('kit', 'silent'),
    internalSecret: TEST_INTERNAL_SECRET,
    createContext: (base) => base,
  });
});
afterAll(async () => {
  await running.stop();
  if (dataSource().isInitialized) await dataSource().destroy();
  await database.drop();
});

const client = () => graphqlClient(running.url, TEST_INTERNAL_SECRET);

describe('startSubgraph', () => {
  it('answers the forwarded caller', async () => {
    const { data } = await client().as(testCallers.analyst('630')).request('{ whoAmI hello }');
    expect(data).toEqual({ whoAmI: 'analyst@630', hello: 'xin chào' });
  });

  it('lets composition read the SDL without a caller, and nothing else', async () => {
    const sdl = await client().request('{ _service { sdl } }');
    expect(sdl.data!._service.sdl).toContain('whoAmI');
    const other = await client().request('{ hello }');
    expect(other.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('hides an unexpected error behind a request id, and passes a coded one through', async () => {
    const { errors } = await client().as(testCallers.admin()).withHeaders({ 'x-request-id': 'req-42' }).request('{ broken }');
    expect(errors![0]).toMatchObject({ message: 'Unexpected error; quote request req-42 when reporting it.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' } });
    expect(JSON.stringify(errors)).not.toContain('secret_table');
    const refused = await client().as(testCallers.admin()).request('{ refused }');
    expect(refused.errors![0]).toMatchObject({ message: 'Already done.', extensions: { code: 'CONFLICT' } });
  });

  it('reports /health ready only while the database answers', async () => {
    const health = running.url.replace('/graphql', '/health');
    expect((await fetch(health)).status).toBe(200);
    await dataSource().destroy();
    const down = await fetch(health);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ service: 'kit', status: 'database unavailable' });
  });
});
