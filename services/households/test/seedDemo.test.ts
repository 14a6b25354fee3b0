import { GraphClient } from '@povgraph/graph-client';
import { startTestSubgraph, testCallers, TEST_INTERNAL_SECRET, UNREACHABLE_GATEWAY, type TestSubgraph } from '@povgraph/testing';
import { createLogger } from '@povgraph/subgraph-kit';
import { createServices } from '../src/services';
import { demoAreas } from '../src/seed/generate';
import { isEmpty, seedDemo } from '../src/seed/seedDemo';
import { recipe } from './fixtures';

let subgraph: TestSubgraph;
const silent = { start: () => ({ tick: () => undefined, finish: () => undefined }) };

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  expect(await isEmpty(subgraph.dataSource)).toBe(true);
  await seedDemo(subgraph.dataSource, createServices(subgraph.dataSource, new GraphClient({ gatewayUrl: UNREACHABLE_GATEWAY, internalSecret: TEST_INTERNAL_SECRET })), silent, createLogger('seed', 'silent'), { districts: ['630'] });
}, 120_000);
afterAll(() => subgraph.stop());

describe('demo dataset (Kông Chro only)', () => {
  it('reproduces the 2023 year-end figures of Kông Chro through the service layer', async () => {
    const { data, errors } = await subgraph.client.as(testCallers.analyst()).request(`{ adminUnit(code: "630") {
      p2023: poverty(year: 2023) { totalHouseholds poor povertyRate rateChangeFromPreviousYear }
      p2022: poverty(year: 2022) { povertyRate }
      reductionTargets(year: 2024) { indicator value } } }`);
    expect(errors).toBeUndefined();
    expect(data!.adminUnit.p2023).toEqual({ totalHouseholds: 12_836, poor: 4_336, povertyRate: 33.78, rateChangeFromPreviousYear: -5.91 });
    expect(data!.adminUnit.p2022).toEqual({ povertyRate: 39.69 });
    expect(data!.adminUnit.reductionTargets).toEqual([
      { indicator: 'JOBS', value: 825 },
      { indicator: 'POVERTY_RATE_POINTS', value: 5.5 },
      { indicator: 'TRAINED_LABOUR_SHARE', value: 49 },
    ]);
  });

  it('classified every review itself and audited every import batch', async () => {
    const [counts] = await subgraph.dataSource.query(`SELECT
      (SELECT count(*) FROM assessments)::int AS reviews,
      (SELECT sum((after->>'reviews')::int) FROM audit_log WHERE action = 'importAssessments')::int AS audited,
      (SELECT sum((after->>'count')::int) FROM audit_log WHERE action = 'importHouseholds')::int AS registered,
      (SELECT count(*) FROM households)::int AS households,
      (SELECT count(*) FROM audit_log WHERE actor_subject = 'demo-seed')::int AS "auditRows"`);
    expect(counts).toEqual({ reviews: 12_450 + 12_600 + 12_836 + 12_990, audited: 12_450 + 12_600 + 12_836 + 12_990, registered: 12_990, households: 12_990, auditRows: expect.any(Number) });
    // One row per import batch (and the units and targets), not one per record.
    expect(counts.auditRows).toBeLessThan(30);
    const [poor] = await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM assessments WHERE year = 2023 AND status = 'POOR'`);
    expect(poor.n).toBe(4_336);
    expect(await isEmpty(subgraph.dataSource)).toBe(false);
  });

  it('is deterministic: the same seed gives the same households', async () => {
    const [first] = await subgraph.dataSource.query(`SELECT code, head_name FROM households ORDER BY code LIMIT 1`);
    expect(first).toEqual({ code: 'KC-23941-000001', head_name: expect.any(String) });
    expect(demoAreas(2023)[0]!.households[0]!.headName).toBe(first.head_name);
  });
});
