import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { AREA_ENTITIES, insertProject, insertProjects, recipe } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();

/**
 * What the gateway sends for units of the households fixtures (Gia Lai 64; Kông Chro
 * 630 with 23701 and 23702; Ia Pa 631 with 23801; 23710 took over 23701 and 23702 in 2025):
 * the code and, for fields that @require it, every commune at or under the unit.
 */
const AREAS = {
  communeA: { __typename: 'AdminUnit', code: '23701', communeCodes: ['23701'] },
  communeB: { __typename: 'AdminUnit', code: '23702', communeCodes: ['23702'] },
  otherCommune: { __typename: 'AdminUnit', code: '23801', communeCodes: ['23801'] },
  district: { __typename: 'AdminUnit', code: '630', communeCodes: ['23701', '23702'] },
  otherDistrict: { __typename: 'AdminUnit', code: '631', communeCodes: ['23801'] },
  mergedCommune: { __typename: 'AdminUnit', code: '23710', communeCodes: ['23701', '23702', '23710'] },
  province: { __typename: 'AdminUnit', code: '64', communeCodes: ['23701', '23702', '23710', '23801'] },
};

const ids: Record<string, string> = {};

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  const ds = subgraph.dataSource;
  // 2023: a road over both communes of 630, a school and a road-maintenance work in one commune each,
  // an irrigation work in 631, a water-maintenance work over one commune of each district,
  // plus a cancelled road and a 2022 road that the 2023 report must not count.
  ids['road'] = await insertProject(ds, { name: 'A Đường liên xã', category: 'ROAD', communes: ['23701', '23702'], investmentCapital: 4_500_000_000, disbursed: 1_000_000_000, status: 'UNDER_CONSTRUCTION' });
  ids['school'] = await insertProject(ds, { name: 'B Trường tiểu học', category: 'SCHOOL', communes: ['23701'], investmentCapital: 2_000_000_000, recurrentCapital: 100_000_000 });
  ids['roadRepair'] = await insertProject(ds, { name: 'C Duy tu đường', category: 'ROAD', kind: 'MAINTENANCE', communes: ['23702'], investmentCapital: 0, recurrentCapital: 300_000_000, status: 'COMPLETED' });
  ids['irrigation'] = await insertProject(ds, { name: 'D Kênh mương', category: 'IRRIGATION', communes: ['23801'], investmentCapital: 1_000_000_000 });
  ids['water'] = await insertProject(ds, { name: 'E Sửa chữa nước sạch', category: 'CLEAN_WATER', kind: 'MAINTENANCE', communes: ['23801', '23701'], investmentCapital: 0, recurrentCapital: 50_000_000 });
  ids['cancelled'] = await insertProject(ds, { name: 'F Đường bị hủy', category: 'ROAD', communes: ['23701'], investmentCapital: 9_000_000_000, status: 'CANCELLED' });
  ids['earlier'] = await insertProject(ds, { name: 'G Đường năm trước', category: 'ROAD', communes: ['23701'], investmentCapital: 7_000_000_000, year: 2022 });
  // 2024: works of one commune each.
  await insertProject(ds, { name: 'H Chợ', category: 'MARKET', communes: ['23701'], investmentCapital: 700_000_000, year: 2024 });
  await insertProject(ds, { name: 'I Trạm y tế', category: 'HEALTH_STATION', communes: ['23702'], investmentCapital: 900_000_000, recurrentCapital: 10_000_000, year: 2024 });
  await insertProject(ds, { name: 'J Điện', category: 'ELECTRICITY', communes: ['23801'], investmentCapital: 1_200_000_000, year: 2024 });
  await insertProject(ds, { name: 'K Nhà văn hóa', category: 'CULTURAL_HOUSE', kind: 'MAINTENANCE', communes: ['23801'], recurrentCapital: 40_000_000, investmentCapital: 0, year: 2024 });
});
afterAll(() => subgraph.stop());

async function reports(representations: object[], year: number) {
  const { data, errors } = await subgraph.client.as(analyst).request(AREA_ENTITIES, { representations, year });
  expect(errors).toBeUndefined();
  return (data!._entities as Array<{ code: string; infrastructure: Record<string, any> }>).map((unit) => unit.infrastructure);
}

describe('_entities: InfrastructureProject', () => {
  it('resolves works by key, in order, with null for unknown keys', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on InfrastructureProject { name status communeCodes communes { code } totalCapital } } }`,
      {
        representations: [
          { __typename: 'InfrastructureProject', id: ids['water'] },
          { __typename: 'InfrastructureProject', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'InfrastructureProject', id: 'not-an-id' },
          { __typename: 'InfrastructureProject', id: ids['road'] },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { name: 'E Sửa chữa nước sạch', status: 'APPROVED', communeCodes: ['23801', '23701'], communes: [{ code: '23801' }, { code: '23701' }], totalCapital: 50_000_000 },
      null,
      null,
      { name: 'A Đường liên xã', status: 'UNDER_CONSTRUCTION', communeCodes: ['23701', '23702'], communes: [{ code: '23701' }, { code: '23702' }], totalCapital: 4_500_000_000 },
    ]);
  });
});

describe('_entities: AdminUnit.infrastructure — a work counts once per area that contains any of its communes', () => {
  it('reports a commune, a district and a province, counting the two-commune road once in each', async () => {
    const [communeA, communeB, otherCommune, district, otherDistrict, province] = await reports(
      [AREAS.communeA, AREAS.communeB, AREAS.otherCommune, AREAS.district, AREAS.otherDistrict, AREAS.province],
      2023,
    );
    expect(communeA).toEqual({
      areaCode: '23701',
      year: 2023,
      works: 2,
      maintenanceWorks: 1,
      investmentCapital: 6_500_000_000,
      recurrentCapital: 150_000_000,
      disbursed: 1_000_000_000,
      byCategory: [
        { category: 'ROAD', works: 1, maintenanceWorks: 0, investmentCapital: 4_500_000_000, recurrentCapital: 0, disbursed: 1_000_000_000 },
        { category: 'SCHOOL', works: 1, maintenanceWorks: 0, investmentCapital: 2_000_000_000, recurrentCapital: 100_000_000, disbursed: 0 },
        { category: 'CLEAN_WATER', works: 0, maintenanceWorks: 1, investmentCapital: 0, recurrentCapital: 50_000_000, disbursed: 0 },
      ],
    });
    expect(communeB).toMatchObject({ works: 1, maintenanceWorks: 1, investmentCapital: 4_500_000_000, recurrentCapital: 300_000_000, disbursed: 1_000_000_000 });
    expect(otherCommune).toMatchObject({ works: 1, maintenanceWorks: 1, investmentCapital: 1_000_000_000, recurrentCapital: 50_000_000, disbursed: 0 });
    // 630: the road once (not once per commune), the school, the road repair, the water repair.
    expect(district).toEqual({
      areaCode: '630',
      year: 2023,
      works: 2,
      maintenanceWorks: 2,
      investmentCapital: 6_500_000_000,
      recurrentCapital: 450_000_000,
      disbursed: 1_000_000_000,
      byCategory: [
        { category: 'ROAD', works: 1, maintenanceWorks: 1, investmentCapital: 4_500_000_000, recurrentCapital: 300_000_000, disbursed: 1_000_000_000 },
        { category: 'SCHOOL', works: 1, maintenanceWorks: 0, investmentCapital: 2_000_000_000, recurrentCapital: 100_000_000, disbursed: 0 },
        { category: 'CLEAN_WATER', works: 0, maintenanceWorks: 1, investmentCapital: 0, recurrentCapital: 50_000_000, disbursed: 0 },
      ],
    });
    expect(otherDistrict).toEqual({ ...otherCommune, areaCode: '631' });
    // 64: five distinct works; the water repair spans both districts and still counts once.
    expect(province).toMatchObject({ works: 3, maintenanceWorks: 2, investmentCapital: 7_500_000_000, recurrentCapital: 450_000_000, disbursed: 1_000_000_000 });
    expect(province.byCategory.map((c: { category: string }) => c.category)).toEqual(['ROAD', 'SCHOOL', 'IRRIGATION', 'CLEAN_WATER']);
    // Works spanning communes make the communes add up to more than the province — by design.
    const communes = [communeA, communeB, otherCommune];
    expect(communes.reduce((sum, c) => sum + c.works + c.maintenanceWorks, 0)).toBe(province.works + province.maintenanceWorks + 2);
  });

  it('counts for a commune created in 2025 the works of the communes it took over, once', async () => {
    const [merged, district] = await reports([AREAS.mergedCommune, AREAS.district], 2023);
    expect(merged).toEqual({ ...district, areaCode: '23710' });
  });

  it('adds a province up to the sum of its communes when every work serves one commune', async () => {
    const [communeA, communeB, otherCommune, province] = await reports([AREAS.communeA, AREAS.communeB, AREAS.otherCommune, AREAS.province], 2024);
    for (const figure of ['works', 'maintenanceWorks', 'investmentCapital', 'recurrentCapital', 'disbursed'] as const) {
      expect(province[figure]).toBe(communeA[figure] + communeB[figure] + otherCommune[figure]);
    }
    expect(province).toMatchObject({ works: 3, maintenanceWorks: 1, investmentCapital: 2_800_000_000, recurrentCapital: 50_000_000 });
  });

  it('answers zeros for a year or an area without works', async () => {
    const [empty, nowhere] = await reports([AREAS.district, { __typename: 'AdminUnit', code: '99', communeCodes: [] }], 2021);
    const zeros = { year: 2021, works: 0, maintenanceWorks: 0, investmentCapital: 0, recurrentCapital: 0, disbursed: 0, byCategory: [] };
    expect(empty).toEqual({ areaCode: '630', ...zeros });
    expect(nowhere).toEqual({ areaCode: '99', ...zeros });
  });

  it('refuses a year outside 2000–2100', async () => {
    const { errors } = await subgraph.client.as(analyst).request(AREA_ENTITIES, { representations: [AREAS.district], year: 1999 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(errors![0]!.message).toMatch(/from 2000 to 2100; got 1999/);
  });

  it('computes any number of areas in one statement', async () => {
    subgraph.sql.reset();
    await reports(Object.values(AREAS), 2023);
    expect(subgraph.sql.statements.filter((s) => s.includes('project_communes'))).toHaveLength(1);
    expect(subgraph.sql.count).toBe(1);
  });
});

describe('_entities: AreaYear.infrastructure — the report of one area in one year, for AdminUnit.report and trend', () => {
  const AREA_YEARS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AreaYear { code year
    infrastructure { areaCode year works maintenanceWorks investmentCapital recurrentCapital disbursed byCategory { category works maintenanceWorks } } } } }`;
  const areaYear = (area: { code: string; communeCodes: string[] }, year: number) => ({ __typename: 'AreaYear', code: area.code, year, communeCodes: area.communeCodes });

  it('answers the same figures as AdminUnit.infrastructure(year), for every (area, year) in one statement', async () => {
    const wanted = [areaYear(AREAS.district, 2022), areaYear(AREAS.district, 2023), areaYear(AREAS.district, 2024), areaYear(AREAS.province, 2023), areaYear(AREAS.otherCommune, 2021)];
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(AREA_YEARS, { representations: wanted });
    expect(errors).toBeUndefined();
    expect(subgraph.sql.count).toBe(1);
    const answers = data!._entities as Array<{ code: string; year: number; infrastructure: Record<string, unknown> }>;
    expect(answers.map((a) => `${a.code}/${a.year}`)).toEqual(['630/2022', '630/2023', '630/2024', '64/2023', '23801/2021']);
    for (const answer of answers) {
      const unit = Object.values(AREAS).find((a) => a.code === answer.code)!;
      const [viaUnit] = await reports([unit], answer.year);
      expect(answer.infrastructure).toEqual({ areaCode: answer.code, year: answer.year, ...pick(viaUnit!, ['works', 'maintenanceWorks', 'investmentCapital', 'recurrentCapital', 'disbursed']), byCategory: expect.any(Array) });
    }
    // Worked out by hand from the works above: the 2022 road alone; the 2023 works less the cancelled road; 2024's two works.
    expect(answers[0]!.infrastructure).toMatchObject({ works: 1, maintenanceWorks: 0, investmentCapital: 7_000_000_000, recurrentCapital: 0 });
    expect(answers[1]!.infrastructure).toMatchObject({ works: 2, maintenanceWorks: 2, investmentCapital: 6_500_000_000, recurrentCapital: 450_000_000, disbursed: 1_000_000_000 });
    expect(answers[2]!.infrastructure).toMatchObject({ works: 2, maintenanceWorks: 0, investmentCapital: 1_600_000_000, recurrentCapital: 10_000_000 });
    expect(answers[4]!.infrastructure).toMatchObject({ works: 0, maintenanceWorks: 0, investmentCapital: 0, byCategory: [] });
  });

  it('refuses a year outside 2000–2100', async () => {
    const { errors } = await subgraph.client.as(analyst).request(AREA_YEARS, { representations: [areaYear(AREAS.district, 1999)] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

describe('_entities: AdminUnit.infrastructureProjects', () => {
  const LIST = `query($representations: [_Any!]!, $year: Int) { _entities(representations: $representations) { ... on AdminUnit { code infrastructureProjects(year: $year) { name status programmeYear } } } }`;

  it('lists the works touching each area, once each, by year and name — every status', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(LIST, { representations: [AREAS.district, AREAS.otherCommune, AREAS.province], year: 2023 });
    expect(errors).toBeUndefined();
    const names = (data!._entities as Array<{ infrastructureProjects: Array<{ name: string }> }>).map((unit) => unit.infrastructureProjects.map((p) => p.name));
    expect(names).toEqual([
      ['A Đường liên xã', 'B Trường tiểu học', 'C Duy tu đường', 'E Sửa chữa nước sạch', 'F Đường bị hủy'],
      ['D Kênh mương', 'E Sửa chữa nước sạch'],
      ['A Đường liên xã', 'B Trường tiểu học', 'C Duy tu đường', 'D Kênh mương', 'E Sửa chữa nước sạch', 'F Đường bị hủy'],
    ]);
  });

  it('lists every year when no year is given', async () => {
    const { data } = await subgraph.client.as(analyst).request(LIST, { representations: [AREAS.communeA] });
    expect(data!._entities[0].infrastructureProjects.map((p: { name: string; programmeYear: number }) => `${p.programmeYear} ${p.name}`)).toEqual([
      '2022 G Đường năm trước',
      '2023 A Đường liên xã',
      '2023 B Trường tiểu học',
      '2023 E Sửa chữa nước sạch',
      '2023 F Đường bị hủy',
      '2024 H Chợ',
    ]);
  });
});

describe('SQL statements do not grow with the number of entities', () => {
  it('costs the same for 10 and for 1,000 works with their communes and disbursements', async () => {
    const statementsFor = async (count: number, firstCommune: number, prefix: string) => {
      const projectIds = await insertProjects(subgraph.dataSource, count, firstCommune, prefix);
      subgraph.sql.reset();
      const { data, errors } = await subgraph.client.as(analyst).request(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on InfrastructureProject { name communeCodes communes { code } disbursements { amount } } } }`,
        { representations: projectIds.map((id) => ({ __typename: 'InfrastructureProject', id })) },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(count);
      expect(data!._entities[count - 1]).toEqual({
        name: `${prefix}${String(count).padStart(5, '0')}`,
        communeCodes: [String(firstCommune + count - 1), String(firstCommune + count)],
        communes: [{ code: String(firstCommune + count - 1) }, { code: String(firstCommune + count) }],
        disbursements: [],
      });
      return subgraph.sql.count;
    };
    const ten = await statementsFor(10, 50000, 'T');
    const thousand = await statementsFor(1000, 60000, 'K');
    // works, their communes, their disbursements: one statement each.
    expect(ten).toBe(3);
    expect(thousand).toBe(ten);
  });

  it('costs the same for 10 and for 1,000 communes’ worth of works, reported and listed', async () => {
    const statementsFor = async (count: number, firstCommune: number, prefix: string) => {
      await insertProjects(subgraph.dataSource, count, firstCommune, prefix);
      const communes = Array.from({ length: count + 1 }, (_, i) => String(firstCommune + i));
      const representations = [
        ...communes.slice(0, count).map((code) => ({ __typename: 'AdminUnit', code, communeCodes: [code] })),
        { __typename: 'AdminUnit', code: prefix === 'S' ? '71' : '72', communeCodes: communes },
      ];
      subgraph.sql.reset();
      const { data, errors } = await subgraph.client.as(analyst).request(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdminUnit {
          infrastructure(year: 2023) { works investmentCapital } infrastructureProjects(year: 2023) { communeCodes } } } }`,
        { representations },
      );
      expect(errors).toBeUndefined();
      // Commune i is served by work i and work i - 1; the whole area by every work once.
      expect(data!._entities[0].infrastructure).toEqual({ works: 1, investmentCapital: 100_000_000 });
      expect(data!._entities[1].infrastructure).toEqual({ works: 2, investmentCapital: 200_000_000 });
      expect(data!._entities[count].infrastructure).toEqual({ works: count, investmentCapital: count * 100_000_000 });
      expect(data!._entities[count].infrastructureProjects).toHaveLength(count);
      return subgraph.sql.count;
    };
    const ten = await statementsFor(10, 70000, 'S');
    const thousand = await statementsFor(1000, 80000, 'L');
    // the report, the lists, the lists' communes: one statement each.
    expect(ten).toBe(3);
    expect(thousand).toBe(ten);
  });
});

describe('/health', () => {
  it('is ready while the database answers', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'infrastructure', status: 'ok' });
  });
});
