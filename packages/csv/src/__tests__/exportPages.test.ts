import { ExportError, exportPages, GraphQLResultError, MAX_EXPORT_ROWS, type ExportPage, type GraphQLResult } from '..';

const QUERY = `query Households($code: AdminCode!, $after: String) {
  adminUnit(code: $code) { code households(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code headName } } } }`;

/** A fake graph over `total` households, `size` per page; records the variables of every call. */
function fakeGraph(total: number, size = 2) {
  const calls: Array<Record<string, unknown>> = [];
  const run = async (variables: Record<string, unknown>): Promise<GraphQLResult> => {
    calls.push(variables);
    const start = variables['after'] === undefined ? 0 : Number(variables['after']);
    const nodes = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({ code: `KC-${start + i + 1}`, headName: `Hộ ${start + i + 1}` }));
    const end = start + nodes.length;
    return { data: { adminUnit: { code: variables['code'], households: { totalCount: total, pageInfo: { hasNextPage: end < total, endCursor: String(end) }, nodes } } } };
  };
  return { run, calls };
}

async function collect(pages: AsyncIterable<ExportPage>): Promise<ExportPage[]> {
  const all: ExportPage[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('exportPages', () => {
  it('follows endCursor until hasNextPage is false, reporting the total', async () => {
    const graph = fakeGraph(7);
    const pages = await collect(exportPages(graph.run, { document: QUERY, variables: { code: '630' } }));
    expect(graph.calls).toEqual([{ code: '630' }, { code: '630', after: '2' }, { code: '630', after: '4' }, { code: '630', after: '6' }]);
    expect(pages.map((page) => [page.rows.length, page.rowsSoFar, page.totalCount])).toEqual([[2, 2, 7], [2, 4, 7], [2, 6, 7], [1, 7, 7]]);
    expect(pages.flatMap((page) => page.rows.map((row) => row['code']))).toEqual(['KC-1', 'KC-2', 'KC-3', 'KC-4', 'KC-5', 'KC-6', 'KC-7']);
    expect(pages[0]!.columns).toEqual(['adminUnit.code', 'code', 'headName']);
    expect(pages[3]!.rows[0]).toEqual({ 'adminUnit.code': '630', code: 'KC-7', headName: 'Hộ 7' });
  });

  it('runs once for a list on one page and for an answer without a list', async () => {
    const graph = fakeGraph(2);
    expect(await collect(exportPages(graph.run, { document: QUERY, variables: { code: '630' } }))).toHaveLength(1);
    expect(graph.calls).toHaveLength(1);
    const report = await collect(exportPages(async () => ({ data: { adminUnit: { poverty: { poor: 4336 } } } }), { document: '{ adminUnit(code: "630") { poverty(year: 2023) { poor } } }' }));
    expect(report).toEqual([{ columns: ['adminUnit.poverty.poor'], rows: [{ 'adminUnit.poverty.poor': 4336 }], rowsSoFar: 1, totalCount: null }]);
  });

  it('tells the user to add after: $after when a list has more pages and no $after', async () => {
    const graph = fakeGraph(7);
    const query = '{ adminUnit(code: "630") { households(first: 2) { pageInfo { hasNextPage endCursor } nodes { code } } } }';
    await expect(collect(exportPages(graph.run, { document: query }))).rejects.toThrow(/no \$after variable: declare \(\$after: String\) and pass after: \$after/);
    const withoutPageInfo = async (variables: Record<string, unknown>) => {
      const result = await graph.run(variables);
      delete (result.data as any).adminUnit.households.pageInfo;
      return result;
    };
    await expect(collect(exportPages(withoutPageInfo, { document: '{ adminUnit(code: "630") { households(first: 2) { totalCount nodes { code } } } }' })))
      .rejects.toThrow('Only 2 of 7 rows of adminUnit.households.nodes came back: ask for pageInfo { hasNextPage endCursor }');
  });

  it('caps an export at 200,000 rows', async () => {
    expect(MAX_EXPORT_ROWS).toBe(200_000);
    const big = fakeGraph(200_001, 1000);
    const error = await collect(exportPages(big.run, { document: QUERY, variables: { code: '630' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).message).toBe('adminUnit.households.nodes has 200,001 rows; an export holds at most 200,000. Narrow it (an area, a year, a status) and export the parts.');
    expect(big.calls).toHaveLength(1);
    // Without totalCount the cap still holds, counted page by page.
    const noTotal = async (variables: Record<string, unknown>): Promise<GraphQLResult> => {
      const result = await fakeGraph(50, 20).run(variables);
      delete (result.data as any).adminUnit.households.totalCount;
      return result;
    };
    await expect(collect(exportPages(noTotal, { document: QUERY, variables: { code: '630' }, maxRows: 45 }))).rejects.toThrow('has 50+ rows; an export holds at most 45.');
    expect(await collect(exportPages(noTotal, { document: QUERY, variables: { code: '630' }, maxRows: 50 }))).toHaveLength(3);
  });

  it('refuses errors, even with partial data, and mutations', async () => {
    const partial = exportPages(async () => ({ data: { adminUnit: { households: { nodes: [] } } }, errors: [{ message: 'The credit subgraph is unavailable', path: ['adminUnit', 'credit'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } }] }), { document: '{ adminUnit(code: "630") { households { nodes { code } } } }' });
    const error = await collect(partial).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLResultError);
    expect(error).toMatchObject({ partial: true, message: 'UPSTREAM_UNAVAILABLE: The credit subgraph is unavailable (at adminUnit.credit)' });
    const run = jest.fn();
    await expect(collect(exportPages(run, { document: 'mutation M { registerHousehold(input: {}) { id } }' }))).rejects.toThrow('Exports are read-only: M is a mutation');
    await expect(collect(exportPages(run, { document: 'query A { a } query B { b }' }))).rejects.toThrow('name the one to export');
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a page that repeats the previous cursor instead of looping', async () => {
    const stuck = async (): Promise<GraphQLResult> => ({ data: { list: { pageInfo: { hasNextPage: true, endCursor: 'same' }, nodes: [{ a: 1 }] } } });
    await expect(collect(exportPages(stuck, { document: 'query ($after: String) { list(after: $after) { pageInfo { hasNextPage endCursor } nodes { a } } }' })))
      .rejects.toThrow('The operation returned the same page twice');
  });
});
