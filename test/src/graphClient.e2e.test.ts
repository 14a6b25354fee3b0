import { AreaGuard, GraphClient } from '@povgraph/graph-client';
import { testCallers, TEST_INTERNAL_SECRET } from '@povgraph/testing';
import { insertUnits, recipe as households, UNITS } from '../../services/households/test/fixtures';
import { startTestStack, type TestStack } from './stack';

let stack: TestStack;
let graph: GraphClient;

beforeAll(async () => {
  stack = await startTestStack({ households });
  await insertUnits(stack.subgraphs['households']!.dataSource);
  graph = new GraphClient({ gatewayUrl: stack.gateway.url, internalSecret: TEST_INTERNAL_SECRET });
});
afterAll(() => stack.stop());

describe('GraphClient: one agency reading another through the gateway', () => {
  it('asks as the caller it serves', async () => {
    const data = await graph.request<{ adminUnit: { name: string } }>(testCallers.bankOfficer('630'), 'the household registry', '{ adminUnit(code: "630") { name } }');
    expect(data).toEqual({ adminUnit: { name: 'Kông Chro' } });
  });

  it('is refused by the gateway when signed with another secret', async () => {
    const forged = new GraphClient({ gatewayUrl: stack.gateway.url, internalSecret: 'not-the-internal-secret-but-long-enough' });
    await expect(forged.request(testCallers.admin(), 'the household registry', '{ adminUnit(code: "630") { name } }')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      message: expect.stringMatching(/^The household registry could not answer \(The service credentials on this request are not valid\.\)/),
    });
  });

  it('answers UPSTREAM_UNAVAILABLE, retryable, when the gateway cannot be reached', async () => {
    const nowhere = new GraphClient({ gatewayUrl: 'http://127.0.0.1:9/graphql', internalSecret: TEST_INTERNAL_SECRET });
    await expect(nowhere.request(testCallers.admin(), 'the household registry', '{ adminUnit(code: "630") { name } }')).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', retryable: true },
      message: 'The household registry could not be reached; nothing was written. Try again in a moment.',
    });
  });
});

describe('AreaGuard', () => {
  it('lets an office write for communes of its area, an admin anywhere, and refuses the rest', async () => {
    const guard = new AreaGuard(graph);
    await expect(guard.assertServes(testCallers.bankOfficer(UNITS.district), [UNITS.communeA, UNITS.communeB], 'a loan')).resolves.toBeUndefined();
    await expect(guard.assertServes(testCallers.bankOfficer(UNITS.province), [UNITS.otherCommune], 'a loan')).resolves.toBeUndefined();
    await expect(guard.assertServes(testCallers.admin(), ['99999'], 'a loan')).resolves.toBeUndefined();
    await expect(guard.assertServes(testCallers.bankOfficer(UNITS.district), [UNITS.communeA, UNITS.otherCommune], 'a loan')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: `You serve area 630; a loan in commune ${UNITS.otherCommune} belongs to another area's office.`,
    });
  });
});
