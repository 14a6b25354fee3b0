import { GraphClient } from '@povgraph/graph-client';
import { createLogger, type BaseContext } from '@povgraph/subgraph-kit';
import { TEST_INTERNAL_SECRET, testCallers } from '@povgraph/testing';
import { householdInput, insertUnits, recipe as households, RECORD, REGISTER, UNITS } from '../../../services/households/test/fixtures';
import { recipe as housing, tableCounts } from '../../../services/housing/test/fixtures';
import { createServices, type Services } from '../../../services/housing/src/services';
import { startTestStack, type TestStack } from '../stack';

/*
 * The bulk paths of the housing service layer (what the demo seed and a board's
 * lists use) over the real registry: each item checked as the single mutation
 * checks it, one bad item refusing the whole batch by its index.
 */
let stack: TestStack;
let services: Services;
const board = testCallers.housingBoard(UNITS.district);
const context: BaseContext = { caller: board, requestId: 'bulk-test', logger: createLogger('bulk-test', 'silent') };
const db = () => stack.subgraphs['housing']!.dataSource;
const ids: Record<'poor' | 'nearPoor' | 'notPoor' | 'poor2', string> = { poor: '', nearPoor: '', notPoor: '', poor2: '' };

async function household(code: string, income: number, lacking: string[]): Promise<string> {
  const office = testCallers.labourOffice(UNITS.district);
  const registered = await stack.request(office, REGISTER, { input: householdInput({ code, communeCode: UNITS.communeA, nationalId: null, registeredOn: '2022-02-01' }) });
  const id = registered.body.data.registerHousehold.id;
  const reviewed = await stack.request(office, RECORD, { input: { householdId: id, year: 2023, assessedOn: '2023-11-15', incomePerPersonMonthly: income, lackingIndicators: lacking } });
  expect(reviewed.body.errors).toBeUndefined();
  return id;
}

beforeAll(async () => {
  stack = await startTestStack({ households, housing });
  await insertUnits(stack.subgraphs['households']!.dataSource);
  services = createServices(db(), new GraphClient({ gatewayUrl: stack.gateway.url, internalSecret: TEST_INTERNAL_SECRET }));
  ids.poor = await household('BK-001', 1_000_000, ['EMPLOYMENT', 'NUTRITION', 'SANITATION']);
  ids.nearPoor = await household('BK-002', 1_000_000, ['EMPLOYMENT']);
  ids.notPoor = await household('BK-003', 5_000_000, []);
  ids.poor2 = await household('BK-004', 1_000_000, ['EMPLOYMENT', 'NUTRITION', 'SANITATION']);
}, 120_000);
afterAll(() => stack.stop());

const item = (householdId: string, overrides: Record<string, unknown> = {}) => ({ householdId, kind: 'REPAIR', source: 'NTP_PROJECT_5', approvedOn: '2024-03-01', grantAmount: 20_000_000, ...overrides }) as Parameters<Services['supports']['approve']>[1];

describe('bulk housing writes', () => {
  it.each([
    ['an ineligible household', () => [item(ids.poor), item(ids.nearPoor, { approvedOn: '2024-04-02' }), item(ids.notPoor)], { code: 'NOT_ELIGIBLE', field: 'inputs.2.householdId', reasons: ['POVERTY_STATUS'] }],
    ['a grant over the cap', () => [item(ids.poor), item(ids.nearPoor, { grantAmount: 20_000_001 })], { code: 'BAD_USER_INPUT', field: 'inputs.1.grantAmount' }],
    ['the same household and source twice', () => [item(ids.poor), item(ids.poor, { kind: 'NEW_BUILD', grantAmount: 40_000_000 })], { code: 'CONFLICT', field: 'inputs.1.source' }],
    ['an approval before the rule', () => [item(ids.poor), item(ids.nearPoor, { approvedOn: '2021-06-01' })], { code: 'BAD_USER_INPUT', field: 'inputs.1.approvedOn' }],
  ])('refuses a batch with %s, naming the item, and writes nothing', async (_label, inputs, extensions) => {
    const before = await tableCounts(db());
    await expect(services.supports.approveMany(context, inputs())).rejects.toMatchObject({ extensions });
    expect(await tableCounts(db())).toEqual(before);
  });

  it('approves, starts, completes and cancels many in one transaction each, with an audit row per support', async () => {
    const approved = await services.supports.approveMany(context, [item(ids.poor), item(ids.nearPoor, { kind: 'NEW_BUILD', grantAmount: 40_000_000, approvedOn: '2024-05-02' }), item(ids.poor2, { source: 'DONOR', sponsor: 'Công ty Hoa Sen', grantAmount: 30_000_000 })]);
    expect(approved.map((s) => [s.householdId, s.communeCode, s.kind, s.status])).toEqual([
      [ids.poor, UNITS.communeA, 'REPAIR', 'APPROVED'],
      [ids.nearPoor, UNITS.communeA, 'NEW_BUILD', 'APPROVED'],
      [ids.poor2, UNITS.communeA, 'REPAIR', 'APPROVED'],
    ]);
    // A household already supported by the source is refused, by index.
    await expect(services.supports.approveMany(context, [item(ids.poor2), item(ids.poor, { kind: 'NEW_BUILD', grantAmount: 40_000_000 })])).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'inputs.1.source' },
    });

    const [first, second, third] = approved.map((s) => s.id) as [string, string, string];
    const before = await tableCounts(db());
    await expect(services.supports.startMany(context, [{ id: first, startedOn: '2024-04-01' }, { id: second, startedOn: '2024-05-01' }])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'inputs.1.startedOn' },
    });
    await expect(services.supports.startMany(context, [{ id: first, startedOn: '2024-04-01' }, { id: first, startedOn: '2024-04-02' }])).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'inputs.1.id' },
    });
    expect(await tableCounts(db())).toEqual(before);

    await services.supports.startMany(context, [{ id: first, startedOn: '2024-04-01' }, { id: second, startedOn: '2024-05-10' }]);
    await expect(services.supports.completeMany(context, [{ id: first, completedOn: '2024-08-01', floorAreaM2: 30 }, { id: third, completedOn: '2024-08-01' }])).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', status: 'APPROVED' },
    });
    const completed = await services.supports.completeMany(context, [{ id: first, completedOn: '2024-08-01', floorAreaM2: 30 }, { id: second, completedOn: '2024-09-01' }]);
    expect(completed.map((s) => [s.status, s.floorAreaM2, s.membersAtCompletion])).toEqual([
      ['COMPLETED', 30, householdInput().members],
      ['COMPLETED', null, null],
    ]);
    const cancelled = await services.supports.cancelMany(context, [{ id: third, cancelledOn: '2024-03-20', reason: '  Hộ chuyển đi  ' }]);
    expect(cancelled[0]).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Hộ chuyển đi' });

    const audit = await db().query(`SELECT action, count(*)::int AS n FROM audit_log WHERE request_id = 'bulk-test' GROUP BY action ORDER BY action`);
    expect(audit).toEqual([
      { action: 'approveHousingSupport', n: 3 },
      { action: 'cancelHousingSupport', n: 1 },
      { action: 'completeConstruction', n: 2 },
      { action: 'startConstruction', n: 2 },
    ]);
    const stored = await db().query(`SELECT status, members_at_completion FROM housing_supports WHERE id = $1`, [first]);
    expect(stored).toEqual([{ status: 'COMPLETED', members_at_completion: householdInput().members }]);
  });

  it("refuses a batch with a commune outside the board's area", async () => {
    const other = { ...context, caller: testCallers.housingBoard(UNITS.otherDistrict) };
    const before = await tableCounts(db());
    await expect(services.supports.approveMany(other, [item(ids.poor2, { source: 'OTHER' })])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await tableCounts(db())).toEqual(before);
  });
});
