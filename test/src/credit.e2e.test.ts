import { randomUUID } from 'node:crypto';
import { testCallers } from '@povgraph/testing';
import { insertUnits, recipe as households, UNITS } from '../../services/households/test/fixtures';
import { recipe as credit } from '../../services/credit/test/fixtures';
import { startTestStack, type TestStack } from './stack';

let stack: TestStack;
const clerk = testCallers.labourOffice(UNITS.district);
const officer = testCallers.bankOfficer(UNITS.district);
const analyst = testCallers.analyst();

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`;
const REVIEW = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { status } }`;
const DISBURSE = `mutation($input: DisburseLoanInput!) { disburseLoan(input: $input) { id programme principal annualRate maturesOn communeCode household { id code } } }`;
const REPAY = `mutation($input: RecordRepaymentInput!) { recordRepayment(input: $input) { amount loan { outstanding(asOf: "2023-12-31") } } }`;

/** Registers a household through the gateway and records its 2022 review (assessed 2022-11-15). */
async function reviewedHousehold(code: string, communeCode: string, income: number, lacking: string[]): Promise<string> {
  const registered = await stack.request(clerk, REGISTER, {
    input: { code, headName: 'Đinh Văn A', communeCode, village: 'Làng Tơ Pơ', areaType: 'RURAL', members: 5, registeredOn: '2021-02-01' },
  });
  expect(registered.body.errors).toBeUndefined();
  const id = registered.body.data.registerHousehold.id;
  const reviewed = await stack.request(clerk, REVIEW, { input: { householdId: id, year: 2022, assessedOn: '2022-11-15', incomePerPersonMonthly: income, lackingIndicators: lacking } });
  expect(reviewed.body.errors).toBeUndefined();
  return id;
}

const loan = (householdId: string, overrides: Record<string, unknown> = {}) => ({
  householdId,
  programme: 'POOR_HOUSEHOLD',
  principal: 50_000_000,
  termMonths: 60,
  disbursedOn: '2023-03-01',
  transactionOffice: 'PGD NHCSXH huyện Kông Chro',
  savingsGroup: 'Tổ TK&VV làng Tơ Pơ',
  entrustingOrganisation: 'FARMERS_UNION',
  purpose: 'Nuôi bò sinh sản',
  idempotencyKey: randomUUID(),
  ...overrides,
});

let poor: string;
let nearPoor: string;

beforeAll(async () => {
  stack = await startTestStack({ households, credit });
  await insertUnits(stack.subgraphs['households']!.dataSource);
  poor = await reviewedHousehold('KC-CR-1', UNITS.communeA, 1_000_000, ['EMPLOYMENT', 'NUTRITION', 'SANITATION']);
  nearPoor = await reviewedHousehold('KC-CR-2', UNITS.communeB, 1_000_000, ['EMPLOYMENT']);
});
afterAll(() => stack.stop());

describe('credit through the gateway', () => {
  it('a bank officer disburses to households the registry lists as eligible, and records a repayment', async () => {
    const first = await stack.request(officer, DISBURSE, { input: loan(poor) });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.disburseLoan).toEqual({
      id: expect.any(String), programme: 'POOR_HOUSEHOLD', principal: 50_000_000, annualRate: 6.6, maturesOn: '2028-03-01', communeCode: UNITS.communeA,
      household: { id: poor, code: 'KC-CR-1' },
    });

    const second = await stack.request(officer, DISBURSE, { input: loan(nearPoor, { programme: 'NEAR_POOR_HOUSEHOLD', principal: 30_000_000, disbursedOn: '2023-06-01', termMonths: 6 }) });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data.disburseLoan).toMatchObject({ annualRate: 7.92, maturesOn: '2023-12-01', communeCode: UNITS.communeB });

    const repaid = await stack.request(officer, REPAY, { input: { loanId: first.body.data.disburseLoan.id, paidOn: '2023-10-01', amount: 5_000_000, idempotencyKey: randomUUID() } });
    expect(repaid.body.errors).toBeUndefined();
    expect(repaid.body.data.recordRepayment).toEqual({ amount: 5_000_000, loan: { outstanding: 45_000_000 } });
  });

  it('refuses a poor-household loan to a near-poor household, and an officer of another area, with the subgraph’s codes', async () => {
    const refused = await stack.request(officer, DISBURSE, { input: loan(nearPoor) });
    expect(refused.body.errors![0]).toMatchObject({ extensions: { code: 'NOT_ELIGIBLE', field: 'input.householdId' } });
    expect(refused.body.errors![0].message).toBe('Household KC-CR-2 was NEAR_POOR on 2023-03-01; POOR_HOUSEHOLD lends only to POOR households.');
    const elsewhere = await stack.request(testCallers.bankOfficer(UNITS.otherDistrict), DISBURSE, { input: loan(poor, { principal: 1_000_000 }) });
    expect(elsewhere.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('shows a household’s loans beside its registry data, in one request', async () => {
    const { body } = await stack.request(analyst, `query($id: ID!) { household(id: $id) { code status(year: 2022)
      loans { programme principal outstanding(asOf: "2023-12-31") status(asOf: "2023-12-31") repayments { paidOn amount } }
      credit(asOf: "2023-12-31") { outstanding hasActiveLoan } } }`, { id: poor });
    expect(body.errors).toBeUndefined();
    expect(body.data.household).toEqual({
      code: 'KC-CR-1',
      status: 'POOR',
      loans: [{ programme: 'POOR_HOUSEHOLD', principal: 50_000_000, outstanding: 45_000_000, status: 'ACTIVE', repayments: [{ paidOn: '2023-10-01', amount: 5_000_000 }] }],
      credit: { outstanding: 45_000_000, hasActiveLoan: true },
    });
  });

  it('answers the credit report of a commune, the district 630 and the province 64', async () => {
    const REPORT = `query($code: AdminCode!) { adminUnit(code: $code) { name credit(year: 2023) {
      disbursementTurnover loansDisbursed householdsBorrowing repaymentsCollected outstanding overdue overdueRatio
      byProgramme { programme disbursementTurnover outstanding overdue } } } }`;
    const reportOf = async (code: string) => {
      const { body } = await stack.request(analyst, REPORT, { code });
      expect(body.errors).toBeUndefined();
      return body.data.adminUnit;
    };
    expect(await reportOf(UNITS.communeA)).toEqual({
      name: 'Thị trấn Kông Chro',
      credit: {
        disbursementTurnover: 50_000_000, loansDisbursed: 1, householdsBorrowing: 1, repaymentsCollected: 5_000_000, outstanding: 45_000_000, overdue: 0, overdueRatio: 0,
        byProgramme: [{ programme: 'POOR_HOUSEHOLD', disbursementTurnover: 50_000_000, outstanding: 45_000_000, overdue: 0 }],
      },
    });
    // The near-poor loan matured on 2023-12-01 unpaid: overdue at the year's end.
    const district = await reportOf(UNITS.district);
    expect(district).toEqual({
      name: 'Kông Chro',
      credit: {
        disbursementTurnover: 80_000_000, loansDisbursed: 2, householdsBorrowing: 2, repaymentsCollected: 5_000_000, outstanding: 75_000_000, overdue: 30_000_000, overdueRatio: 40,
        byProgramme: [
          { programme: 'POOR_HOUSEHOLD', disbursementTurnover: 50_000_000, outstanding: 45_000_000, overdue: 0 },
          { programme: 'NEAR_POOR_HOUSEHOLD', disbursementTurnover: 30_000_000, outstanding: 30_000_000, overdue: 30_000_000 },
        ],
      },
    });
    expect(await reportOf(UNITS.province)).toEqual({ ...district, name: 'Gia Lai' });
  });

  it('lists the poor households of a district with their loans (coverage), in one request', async () => {
    const { body } = await stack.request(analyst, `{ adminUnit(code: "630") { poverty(year: 2022) { poor nearPoor } credit(year: 2023) { loansDisbursed }
      households(status: POOR, year: 2022, first: 10) { nodes { code loans { programme } credit(asOf: "2023-12-31") { hasActiveLoan } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.adminUnit).toEqual({
      poverty: { poor: 1, nearPoor: 1 },
      credit: { loansDisbursed: 2 },
      households: { nodes: [{ code: 'KC-CR-1', loans: [{ programme: 'POOR_HOUSEHOLD' }], credit: { hasActiveLoan: true } }] },
    });
  });
});
