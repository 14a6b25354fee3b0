import { CALLER_HEADER, signForwardedCaller } from '@povgraph/auth';
import { testCallers, TEST_INTERNAL_SECRET } from '@povgraph/testing';
import { insertUnits, recipe as households, UNITS } from '../../services/households/test/fixtures';
import { startTestStack, type TestStack } from './stack';

let stack: TestStack;
const clerk = testCallers.labourOffice(UNITS.district);
const analyst = testCallers.analyst();

beforeAll(async () => {
  stack = await startTestStack({ households });
  await insertUnits(stack.subgraphs['households']!.dataSource);
});
afterAll(() => stack.stop());

describe('through the gateway', () => {
  it('a labour office registers and reviews a household; an analyst reads the district report', async () => {
    const registered = await stack.request(clerk, `mutation { registerHousehold(input: {
      code: "KC-E2E-1", headName: "Đinh Thị Hoa", nationalId: "064190000123", communeCode: "${UNITS.communeA}",
      village: "Làng Tơ Pơ", areaType: RURAL, members: 4, registeredOn: "2022-02-01" }) { id code } }`);
    expect(registered.body.errors).toBeUndefined();
    const id = registered.body.data.registerHousehold.id;

    for (const [year, income, lacking] of [[2022, 1_100_000, '["EMPLOYMENT", "NUTRITION", "SANITATION"]'], [2023, 1_700_000, '[]']] as const) {
      const reviewed = await stack.request(clerk, `mutation { recordAssessment(input: { householdId: "${id}", year: ${year}, assessedOn: "${year}-11-15",
        incomePerPersonMonthly: ${income}, lackingIndicators: ${lacking} }) { status } }`);
      expect(reviewed.body.errors).toBeUndefined();
    }

    const report = await stack.request(analyst, `{ adminUnit(code: "630") { name
      poverty(year: 2023) { totalHouseholds poor newlyEscaped povertyRate poorChangeFromPreviousYear }
      households(year: 2023, first: 10) { nodes { code nationalId status(year: 2023) assessments { year status } } } } }`);
    expect(report.body.errors).toBeUndefined();
    expect(report.body.data.adminUnit).toEqual({
      name: 'Kông Chro',
      poverty: { totalHouseholds: 1, poor: 0, newlyEscaped: 1, povertyRate: 0, poorChangeFromPreviousYear: -1 },
      households: { nodes: [{ code: 'KC-E2E-1', nationalId: '*********123', status: 'NEWLY_ESCAPED', assessments: [{ year: 2022, status: 'POOR' }, { year: 2023, status: 'NEWLY_ESCAPED' }] }] },
    });
  });

  it('passes a subgraph’s error code and field through to the client', async () => {
    const { body } = await stack.request(clerk, `mutation { registerHousehold(input: { code: "KC-E2E-2", headName: "A", communeCode: "99999",
      village: "B", areaType: RURAL, members: 1, registeredOn: "2022-01-01" }) { id } }`);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.communeCode' } });
  });

  it('refuses a request without a token, and a bad token with HTTP 401', async () => {
    const anonymous = await stack.request(null, '{ adminUnit(code: "630") { name } }');
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await stack.request(null, '{ adminUnit(code: "630") { name } }', {}, { authorization: 'Bearer not.a.token' });
    expect(bad.status).toBe(401);
    expect(bad.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers schema introspection without a token, for the explorer', async () => {
    const { body } = await stack.request(null, '{ __schema { queryType { name } } }');
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('does not let a client smuggle a caller header past the gateway', async () => {
    const forged = signForwardedCaller(testCallers.admin(), TEST_INTERNAL_SECRET);
    const { body } = await stack.request(analyst, `mutation { setReductionTarget(input: { unitCode: "630", year: 2024, indicator: JOBS, value: 1 }) { id } }`, {}, { [CALLER_HEADER]: forged });
    expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('serves the explorer and its assets from this machine, and reports subgraph health', async () => {
    const base = stack.gateway.url.replace('/graphql', '');
    const page = await fetch(`${base}/explorer`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const asset of html.match(/\/explorer\/[a-z-]+\.(js|css)/g)!) {
      const response = await fetch(`${base}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(html).not.toMatch(/https?:\/\/(?!127\.)/);
    // Only households runs in this stack: the gateway reports the others as unreachable.
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toEqual({
      service: 'gateway',
      status: 'ok',
      subgraphs: { households: 'ok', credit: 'unreachable', housing: 'unreachable', training: 'unreachable', infrastructure: 'unreachable' },
    });
  });
});
