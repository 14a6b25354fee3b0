import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertHouseholds, insertUnits, recipe, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();

const ENTITIES = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Household { code village commune { code name } assessments { year status } }
  ... on AdminUnit { unitCode: code name level } } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  await insertUnits(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

describe('_entities', () => {
  it('resolves households and units by key, in order, with null for unknown keys', async () => {
    const [id] = await insertHouseholds(subgraph.dataSource, 1, UNITS.communeA, 'E');
    const { data, errors } = await subgraph.client.as(analyst).request(ENTITIES, {
      representations: [
        { __typename: 'AdminUnit', code: '630' },
        { __typename: 'Household', id },
        { __typename: 'Household', id: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'AdminUnit', code: '99999' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { unitCode: '630', name: 'Kông Chro', level: 'DISTRICT' },
      { code: 'E00001', village: 'Làng 1', commune: { code: UNITS.communeA, name: 'Thị trấn Kông Chro' }, assessments: [{ year: 2023, status: 'NEAR_POOR' }] },
      null,
      null,
    ]);
  });

  it('costs the same number of SQL statements for 10 and for 1,000 households', async () => {
    const statementsFor = async (count: number, prefix: string) => {
      const ids = await insertHouseholds(subgraph.dataSource, count, UNITS.communeB, prefix);
      subgraph.sql.reset();
      const { data, errors } = await subgraph.client.as(analyst).request(ENTITIES, { representations: ids.map((id) => ({ __typename: 'Household', id })) });
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(count);
      expect(data!._entities.every((h: { assessments: unknown[]; commune: { code: string } }) => h.assessments.length === 1 && h.commune.code === UNITS.communeB)).toBe(true);
      return subgraph.sql.count;
    };
    const ten = await statementsFor(10, 'T');
    const thousand = await statementsFor(1000, 'K');
    // households, their assessments, their communes: one statement each.
    expect(ten).toBe(3);
    expect(thousand).toBe(ten);
  });
});

describe('/health', () => {
  it('is ready while the database answers', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'households', status: 'ok' });
  });
});
