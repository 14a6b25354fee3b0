import { testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertUnits, recipe as households, UNITS } from '../../services/households/test/fixtures';
import { APPROVE, COMPLETE, DISBURSE, projectInput, recipe as infrastructure, START, tableCounts } from '../../services/infrastructure/test/fixtures';
import { startTestStack, type TestStack } from './stack';

let stack: TestStack;
let works: TestSubgraph['dataSource'];
const board = testCallers.investmentBoard(UNITS.district);
const analyst = testCallers.analyst();
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack({ households, infrastructure });
  await insertUnits(stack.subgraphs['households']!.dataSource);
  works = stack.subgraphs['infrastructure']!.dataSource;
});
afterAll(() => stack.stop());

async function approve(caller = board, overrides: Record<string, unknown> = {}) {
  return stack.request(caller, APPROVE, { input: projectInput(overrides) });
}

describe('Dự án 1 through the gateway, with the real household registry', () => {
  it('an investment board of 630 approves works in its communes; the registry confirms each commune', async () => {
    const road = await approve(board, { communeCodes: [UNITS.communeA, UNITS.communeB], investmentCapital: 4_500_000_000 });
    expect(road.body.errors).toBeUndefined();
    expect(road.body.data.approveInfrastructureProject).toMatchObject({
      name: 'Đường liên thôn Làng Tơ Pơ – Làng Hle',
      status: 'APPROVED',
      communeCodes: [UNITS.communeA, UNITS.communeB],
      totalCapital: 4_500_000_000,
      disbursed: 0,
    });
    ids['road'] = road.body.data.approveInfrastructureProject.id;

    const [audit] = await works.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [ids['road']]);
    expect(audit).toMatchObject({ action: 'approveInfrastructureProject', actor_subject: board.subject, actor_role: 'INVESTMENT_BOARD', actor_agency: board.agency, before: null });
    expect(audit.after).toMatchObject({ status: 'APPROVED', communeCodes: [UNITS.communeA, UNITS.communeB], investmentCapital: 4_500_000_000 });

    const school = await approve(board, { name: 'Trường tiểu học Làng Tơ Pơ', category: 'SCHOOL', communeCodes: [UNITS.communeA], investmentCapital: 2_000_000_000, recurrentCapital: 100_000_000 });
    expect(school.body.errors).toBeUndefined();
    ids['school'] = school.body.data.approveInfrastructureProject.id;
    const repair = await approve(board, { name: 'Duy tu đường Đắk Kơ Ning', kind: 'MAINTENANCE', communeCodes: [UNITS.communeB], investmentCapital: 0, recurrentCapital: 300_000_000 });
    expect(repair.body.errors).toBeUndefined();
    ids['repair'] = repair.body.data.approveInfrastructureProject.id;

    // The province's board may approve anywhere in Gia Lai, here in Ia Pa (631).
    const irrigation = await approve(testCallers.investmentBoard(UNITS.province), { name: 'Kênh mương Ia Mrơn', category: 'IRRIGATION', communeCodes: [UNITS.otherCommune], investmentCapital: 1_000_000_000, investor: 'Ban QLDA tỉnh Gia Lai' });
    expect(irrigation.body.errors).toBeUndefined();
  });

  it.each([
    ['a code the registry does not know', [UNITS.communeA, '99999'], '2023-03-01', 'input.communeCodes.1', /The household registry knows no administrative unit with code 99999/],
    ['a district', [UNITS.district], '2023-03-01', 'input.communeCodes.0', /630 \(Kông Chro\) is a district, not a commune; list the communes the work serves/],
    ['a province', [UNITS.communeB, UNITS.province], '2023-03-01', 'input.communeCodes.1', /64 \(Gia Lai\) is a province, not a commune/],
    ['a commune abolished before the approval', [UNITS.communeA], '2025-08-01', 'input.communeCodes.0', /Commune 23701 \(Thị trấn Kông Chro\) existed from 2004-01-01 to 2025-06-30, not on the approval date 2025-08-01\. Use its successor: 23710\./],
    ['a commune not yet created on the approval date', [UNITS.mergedCommune], '2024-01-01', 'input.communeCodes.0', /Commune 23710 \(Xã Kông Chro\) existed from 2025-07-01, not on the approval date 2024-01-01\./],
  ])('refuses %s with BAD_USER_INPUT naming the list entry, and writes nothing', async (_label, communeCodes, approvedOn, field, message) => {
    const before = await tableCounts(works);
    const { body } = await approve(testCallers.admin(), { name: 'Công trình bị từ chối', communeCodes, approvedOn });
    expect(body.data).toBeNull();
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
    expect(body.errors![0].message).toMatch(message);
    expect(await tableCounts(works)).toEqual(before);
  });

  it('refuses, with FORBIDDEN and nothing written, a board outside any commune of the work', async () => {
    const before = await tableCounts(works);
    const neighbour = await approve(testCallers.investmentBoard(UNITS.otherDistrict), { name: 'Đường của huyện khác' });
    expect(neighbour.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: `You serve area 631; a Dự án 1 work in commune ${UNITS.communeA}, ${UNITS.communeB} belongs to another area's office.` });
    const straddling = await approve(board, { name: 'Đường liên huyện', communeCodes: [UNITS.communeA, UNITS.otherCommune] });
    expect(straddling.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: `You serve area 630; a Dự án 1 work in commune ${UNITS.otherCommune} belongs to another area's office.` });
    const started = await stack.request(testCallers.investmentBoard(UNITS.otherDistrict), START, { id: ids['road'], startedOn: '2023-04-01' });
    expect(started.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await tableCounts(works)).toEqual(before);
  });

  it('refuses the same work approved twice by the same investor for the same year', async () => {
    const before = await tableCounts(works);
    const { body } = await approve(board, { communeCodes: [UNITS.communeA, UNITS.communeB], investmentCapital: 4_500_000_000 });
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'input.name' } });
    expect(body.errors![0].message).toMatch(/already has a work named “Đường liên thôn Làng Tơ Pơ – Làng Hle” in the 2023 programme \(id .*\)/);
    expect(await tableCounts(works)).toEqual(before);
  });

  it('the board starts, pays and completes the road', async () => {
    const started = await stack.request(board, START, { id: ids['road'], startedOn: '2023-04-10' });
    expect(started.body.errors).toBeUndefined();
    const paid = await stack.request(board, DISBURSE, { id: ids['road'], amount: 1_250_000_000, disbursedOn: '2023-07-01' });
    expect(paid.body.errors).toBeUndefined();
    const tooMuch = await stack.request(board, DISBURSE, { id: ids['road'], amount: 3_250_000_001, disbursedOn: '2023-08-01' });
    expect(tooMuch.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'amount', remaining: 3_250_000_000 } });
    const completed = await stack.request(board, COMPLETE, { id: ids['road'], completedOn: '2023-12-15' });
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data.completeInfrastructureWork).toMatchObject({ status: 'COMPLETED', startedOn: '2023-04-10', completedOn: '2023-12-15', disbursed: 1_250_000_000, remainingToDisburse: 3_250_000_000 });
  });

  it('an analyst reads a work with its communes’ names from the registry', async () => {
    const { body } = await stack.request(analyst, `query($id: ID!) { infrastructureProject(id: $id) { name status communes { code name level inPoorDistrict } } }`, { id: ids['road'] });
    expect(body.errors).toBeUndefined();
    expect(body.data.infrastructureProject).toEqual({
      name: 'Đường liên thôn Làng Tơ Pơ – Làng Hle',
      status: 'COMPLETED',
      communes: [
        { code: UNITS.communeA, name: 'Thị trấn Kông Chro', level: 'COMMUNE', inPoorDistrict: true },
        { code: UNITS.communeB, name: 'Xã Đắk Kơ Ning', level: 'COMMUNE', inPoorDistrict: true },
      ],
    });
  });

  it('reports a commune, the district 630 and the province 64, counting the two-commune road once per area', async () => {
    const REPORT = `query($code: AdminCode!) { adminUnit(code: $code) { name
      infrastructure(year: 2023) { works maintenanceWorks investmentCapital recurrentCapital disbursed byCategory { category works maintenanceWorks } }
      infrastructureProjects(year: 2023) { name } } }`;
    const read = async (code: string) => {
      const { body } = await stack.request(analyst, REPORT, { code });
      expect(body.errors).toBeUndefined();
      return body.data.adminUnit;
    };
    const commune = await read(UNITS.communeA);
    // The list is ordered by name in the database's collation; compare it as a set.
    expect(commune.infrastructureProjects.map((p: { name: string }) => p.name).sort()).toEqual(['Trường tiểu học Làng Tơ Pơ', 'Đường liên thôn Làng Tơ Pơ – Làng Hle'].sort());
    expect({ ...commune, infrastructureProjects: undefined }).toEqual({
      name: 'Thị trấn Kông Chro',
      infrastructure: {
        works: 2,
        maintenanceWorks: 0,
        investmentCapital: 6_500_000_000,
        recurrentCapital: 100_000_000,
        disbursed: 1_250_000_000,
        byCategory: [{ category: 'ROAD', works: 1, maintenanceWorks: 0 }, { category: 'SCHOOL', works: 1, maintenanceWorks: 0 }],
      },
      infrastructureProjects: undefined,
    });
    const district = await read(UNITS.district);
    expect(district.name).toBe('Kông Chro');
    expect(district.infrastructure).toEqual({
      works: 2,
      maintenanceWorks: 1,
      investmentCapital: 6_500_000_000,
      recurrentCapital: 400_000_000,
      disbursed: 1_250_000_000,
      byCategory: [{ category: 'ROAD', works: 1, maintenanceWorks: 1 }, { category: 'SCHOOL', works: 1, maintenanceWorks: 0 }],
    });
    expect(district.infrastructureProjects).toHaveLength(3);
    const province = await read(UNITS.province);
    expect(province.infrastructure).toMatchObject({ works: 3, maintenanceWorks: 1, investmentCapital: 7_500_000_000, recurrentCapital: 400_000_000 });
    expect(province.infrastructure.byCategory).toEqual([
      { category: 'ROAD', works: 1, maintenanceWorks: 1 },
      { category: 'SCHOOL', works: 1, maintenanceWorks: 0 },
      { category: 'IRRIGATION', works: 1, maintenanceWorks: 0 },
    ]);
  });

  it('answers the district’s year-end questions of two agencies in one request', async () => {
    const clerk = testCallers.labourOffice(UNITS.district);
    const registered = await stack.request(clerk, `mutation { registerHousehold(input: { code: "KC-INF-1", headName: "Đinh Văn Blơi", communeCode: "${UNITS.communeA}",
      village: "Làng Tơ Pơ", areaType: RURAL, members: 5, registeredOn: "2022-01-10" }) { id } }`);
    expect(registered.body.errors).toBeUndefined();
    const reviewed = await stack.request(clerk, `mutation { recordAssessment(input: { householdId: "${registered.body.data.registerHousehold.id}", year: 2023,
      assessedOn: "2023-11-20", incomePerPersonMonthly: 900000, lackingIndicators: ["EMPLOYMENT", "NUTRITION", "SANITATION"] }) { status } }`);
    expect(reviewed.body.data.recordAssessment.status).toBe('POOR');

    const { body } = await stack.request(analyst, `{ adminUnit(code: "${UNITS.district}") { name
      poverty(year: 2023) { totalHouseholds poor }
      infrastructure(year: 2023) { works maintenanceWorks investmentCapital recurrentCapital } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.adminUnit).toEqual({
      name: 'Kông Chro',
      poverty: { totalHouseholds: 1, poor: 1 },
      infrastructure: { works: 2, maintenanceWorks: 1, investmentCapital: 6_500_000_000, recurrentCapital: 400_000_000 },
    });
  });

  it('does not let an analyst approve works', async () => {
    const { body } = await approve(analyst, { name: 'Đường của nhà phân tích' });
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
