import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertProject, PROJECT_FIELDS, recipe } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();
const ids: Record<string, string> = {};

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  const ds = subgraph.dataSource;
  ids['road'] = await insertProject(ds, { name: 'Xây dựng đường Làng Tơ Pơ', communes: ['23701', '23702'], investmentCapital: 3_000_000_000, recurrentCapital: 120_000_000, disbursed: 500_000_000, status: 'UNDER_CONSTRUCTION' });
  ids['school'] = await insertProject(ds, { name: 'Trường mầm non', category: 'SCHOOL', communes: ['23702'] });
  ids['irrigation'] = await insertProject(ds, { name: 'Kênh mương', category: 'IRRIGATION', communes: ['23801'] });
  ids['older'] = await insertProject(ds, { name: 'Cầu treo', communes: ['23701'], year: 2022, approvedOn: '2022-04-01' });
  ids['market'] = await insertProject(ds, { name: 'Chợ xã', category: 'MARKET', communes: ['23701'], year: 2024, approvedOn: '2024-02-01' });
  await subgraph.dataSource.query(`INSERT INTO disbursements (project_id, amount, disbursed_on) VALUES ($1, 300000000, '2023-06-01'), ($1, 200000000, '2023-08-01')`, [ids['road']]);
});
afterAll(() => subgraph.stop());

const ONE = `query($id: ID!) { infrastructureProject(id: $id) { ${PROJECT_FIELDS} } }`;
const LIST = `query($communeCode: AdminCode, $year: Int, $category: WorkCategory, $first: Int, $after: String) {
  infrastructureProjects(communeCode: $communeCode, year: $year, category: $category, first: $first, after: $after) {
    totalCount nodes { name } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

const names = (data: any) => data.infrastructureProjects.nodes.map((node: { name: string }) => node.name);

describe('infrastructureProject', () => {
  it('reads a work with its communes, capitals and disbursements', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(ONE, { id: ids['road'] });
    expect(errors).toBeUndefined();
    expect(data!.infrastructureProject).toEqual({
      id: ids['road'],
      name: 'Xây dựng đường Làng Tơ Pơ',
      category: 'ROAD',
      kind: 'NEW_WORK',
      communeCodes: ['23701', '23702'],
      communes: [{ code: '23701' }, { code: '23702' }],
      programmeYear: 2023,
      approvedOn: '2023-03-01',
      startedOn: '2023-05-01',
      completedOn: null,
      cancelledOn: null,
      cancellationReason: null,
      status: 'UNDER_CONSTRUCTION',
      investmentCapital: 3_000_000_000,
      recurrentCapital: 120_000_000,
      totalCapital: 3_120_000_000,
      disbursed: 500_000_000,
      remainingToDisburse: 2_620_000_000,
      investor: 'Ban QLDA huyện Kông Chro',
      disbursements: [{ amount: 300_000_000, disbursedOn: '2023-06-01' }, { amount: 200_000_000, disbursedOn: '2023-08-01' }],
    });
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'road-1'])('answers null for %s', async (id) => {
    const { data, errors } = await subgraph.client.as(analyst).request(ONE, { id });
    expect(errors).toBeUndefined();
    expect(data!.infrastructureProject).toBeNull();
  });

  it('is not answered without a caller', async () => {
    const { errors } = await subgraph.client.request(ONE, { id: ids['road'] });
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('infrastructureProjects', () => {
  it.each([
    ['every work, by year and name', {}, ['Cầu treo', 'Kênh mương', 'Trường mầm non', 'Xây dựng đường Làng Tơ Pơ', 'Chợ xã']],
    ['the works serving a commune, including those over several communes', { communeCode: '23702' }, ['Trường mầm non', 'Xây dựng đường Làng Tơ Pơ']],
    ['a programme year', { year: 2023 }, ['Kênh mương', 'Trường mầm non', 'Xây dựng đường Làng Tơ Pơ']],
    ['a category', { category: 'ROAD' }, ['Cầu treo', 'Xây dựng đường Làng Tơ Pơ']],
    ['a commune, year and category together', { communeCode: '23701', year: 2023, category: 'ROAD' }, ['Xây dựng đường Làng Tơ Pơ']],
    ['a commune without works', { communeCode: '23710' }, []],
  ])('lists %s', async (_label, filter, expected) => {
    const { data, errors } = await subgraph.client.as(analyst).request(LIST, filter);
    expect(errors).toBeUndefined();
    expect(names(data)).toEqual(expected);
    expect(data!.infrastructureProjects.totalCount).toBe(expected.length);
  });

  it('pages through the works with cursors, each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: any = await subgraph.client.as(analyst).request(LIST, { first: 2, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data.infrastructureProjects;
      expect(connection.totalCount).toBe(5);
      seen.push(...names(result.data));
      expect(connection.pageInfo.hasNextPage).toBe(page < 2);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Cầu treo', 'Kênh mương', 'Trường mầm non', 'Xây dựng đường Làng Tơ Pơ', 'Chợ xã']);
  });

  it('answers an empty last page with no cursor', async () => {
    const all: any = await subgraph.client.as(analyst).request(LIST, { first: 5 });
    const { data } = await subgraph.client.as(analyst).request(LIST, { first: 5, after: all.data.infrastructureProjects.pageInfo.endCursor });
    expect(data!.infrastructureProjects).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each([
    ['a page of 0', { first: 0 }, 'first', /Page size must be from 1 to 1000; got 0/],
    ['a page of 1,001', { first: 1001 }, 'first', /Page size must be from 1 to 1000; got 1001/],
    ['a cursor it did not give out', { after: 'bm90LWEtY3Vyc29y' }, 'after', /The cursor is not one this service gave out/],
    ['a cursor with a forged id', { after: Buffer.from(JSON.stringify([2023, 'x', 'x'])).toString('base64url') }, 'after', /The cursor is not one this service gave out/],
    ['a district code', { communeCode: '630' }, 'communeCode', /630 is not a commune code \(5 digits\); for a district or province ask adminUnit\(code: "630"\)/],
    ['a year outside 2000–2100', { year: 3000 }, 'year', /from 2000 to 2100; got 3000/],
  ])('refuses %s with BAD_USER_INPUT', async (_label, filter, field, message) => {
    const { errors } = await subgraph.client.as(analyst).request(LIST, filter);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
  });

  it('pages 1,000 at most', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(LIST, { first: 1000 });
    expect(errors).toBeUndefined();
    expect(data!.infrastructureProjects.nodes).toHaveLength(5);
  });
});
