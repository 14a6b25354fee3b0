import { exportOperation, shapeOf, tableOf, toCsv } from '..';

const shape = (query: string) => {
  const { document, operation } = exportOperation(query);
  return shapeOf(operation, document);
};

describe('tableOf', () => {
  const households = {
    adminUnit: {
      code: '630',
      name: 'Kông Chro',
      households: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: 'b' },
        nodes: [
          { code: 'KC-1', headName: 'Đinh Thị Hoa', commune: { code: '23701', name: 'Thị trấn Kông Chro' }, loans: [{ id: 'l1' }, { id: 'l2' }], assessments: [{ year: 2023, lackingIndicators: ['EMPLOYMENT', 'NUTRITION'] }] },
          { code: 'KC-2', headName: 'Rơ Châm Ớt', commune: { code: '23702', name: 'Xã Đắk Kơ Ning' }, loans: [], assessments: [] },
        ],
      },
    },
  };

  it('makes each item of the first list a row, with the scalars above it leading, and leaves paging out', () => {
    const table = tableOf(households);
    expect(table.rowPath).toEqual(['adminUnit', 'households', 'nodes']);
    expect(table.columns).toEqual(['adminUnit.code', 'adminUnit.name', 'code', 'headName', 'commune.code', 'commune.name', 'loans', 'assessments']);
    expect(table.rows).toEqual([
      { 'adminUnit.code': '630', 'adminUnit.name': 'Kông Chro', code: 'KC-1', headName: 'Đinh Thị Hoa', 'commune.code': '23701', 'commune.name': 'Thị trấn Kông Chro', loans: 2, assessments: 1 },
      { 'adminUnit.code': '630', 'adminUnit.name': 'Kông Chro', code: 'KC-2', headName: 'Rơ Châm Ớt', 'commune.code': '23702', 'commune.name': 'Xã Đắk Kơ Ning', loans: [], assessments: [] },
    ]);
    // Without the operation an empty list could be of scalars or of objects: it is left empty.
    expect(toCsv(table.columns, table.rows).split('\r\n')[2]).toBe('630,Kông Chro,KC-2,Rơ Châm Ớt,23702,Xã Đắk Kơ Ning,,');
    expect(table.connection).toBe(households.adminUnit.households);
  });

  it('joins lists of scalars with "; " and finds the row list in document order', () => {
    const table = tableOf({ household: { code: 'KC-1', assessments: [{ year: 2022, lackingIndicators: ['EMPLOYMENT', 'NUTRITION'] }, { year: 2023, lackingIndicators: [] }], loans: [{ id: 'l1' }] } });
    expect(table.rowPath).toEqual(['household', 'assessments']);
    expect(table.columns).toEqual(['household.code', 'household.loans', 'year', 'lackingIndicators']);
    expect(toCsv(table.columns, table.rows)).toBe('\uFEFFhousehold.code,household.loans,year,lackingIndicators\r\nKC-1,1,2022,EMPLOYMENT; NUTRITION\r\nKC-1,1,2023,\r\n');
  });

  it('makes a report with no list one row of dotted columns', () => {
    const table = tableOf({ adminUnit: { name: 'Kông Chro', poverty: { poor: 4336, povertyRate: 33.78 }, credit: { disbursementTurnover: 99_186_000_000, programmes: ['POOR_HOUSEHOLD', 'STUDENT'] } } });
    expect(table.rowPath).toBeNull();
    expect(table.columns).toEqual(['adminUnit.name', 'adminUnit.poverty.poor', 'adminUnit.poverty.povertyRate', 'adminUnit.credit.disbursementTurnover', 'adminUnit.credit.programmes']);
    expect(table.rows).toEqual([{ 'adminUnit.name': 'Kông Chro', 'adminUnit.poverty.poor': 4336, 'adminUnit.poverty.povertyRate': 33.78, 'adminUnit.credit.disbursementTurnover': 99_186_000_000, 'adminUnit.credit.programmes': ['POOR_HOUSEHOLD', 'STUDENT'] }]);
    expect(toCsv(table.columns, table.rows)).toContain('\r\nKông Chro,4336,33.78,99186000000,POOR_HOUSEHOLD; STUDENT\r\n');
  });

  it('without the operation, orders columns by first appearance across rows', () => {
    const table = tableOf({ trend: [{ year: 2022, poverty: null }, { year: 2023, poverty: { poor: 5 }, note: 'x' }] });
    expect(table.columns).toEqual(['year', 'poverty', 'poverty.poor', 'note']);
    expect(toCsv(table.columns, table.rows)).toBe('\uFEFFyear,poverty,poverty.poor,note\r\n2022,,,\r\n2023,,5,x\r\n');
  });

  it('with the operation, orders columns as selected, fills null objects and names the columns of an empty list', () => {
    const query = `query Trend($code: AdminCode!) { adminUnit(code: $code) {
      households(first: 10) { nodes { code ...Head poverty: commune { name } } pageInfo { hasNextPage endCursor } }
      name
    } }
    fragment Head on Household { headName nationalId }`;
    const s = shape(query);
    const answer = (nodes: unknown[]) => ({ adminUnit: { households: { nodes, pageInfo: { hasNextPage: false, endCursor: null } }, name: 'Kông Chro' } });

    const full = tableOf(answer([{ nationalId: null, headName: 'Đinh Thị Hoa', code: 'KC-1', poverty: null }]), s);
    expect(full.columns).toEqual(['adminUnit.name', 'code', 'headName', 'nationalId', 'poverty.name']);
    expect(full.rows).toEqual([{ 'adminUnit.name': 'Kông Chro', code: 'KC-1', headName: 'Đinh Thị Hoa', nationalId: null, 'poverty.name': null }]);

    const empty = tableOf(answer([]), s);
    expect(empty.rowPath).toEqual(['adminUnit', 'households', 'nodes']);
    expect(empty.rows).toEqual([]);
    expect(toCsv(empty.columns, empty.rows)).toBe('\uFEFFadminUnit.name,code,headName,nationalId,poverty.name\r\n');
  });

  it('counts an empty list of objects as 0 when the operation shows it is one', () => {
    const s = shape('{ adminUnit(code: "630") { households { nodes { code loans { id } lackingIndicators } } } }');
    const table = tableOf({ adminUnit: { households: { nodes: [{ code: 'KC-1', loans: [], lackingIndicators: [] }] } } }, s);
    expect(table.rows).toEqual([{ code: 'KC-1', loans: 0, lackingIndicators: [] }]);
    expect(toCsv(table.columns, table.rows)).toBe('\uFEFFcode,loans,lackingIndicators\r\nKC-1,0,\r\n');
  });

  it('flattens objects beside the path into the leading columns too', () => {
    const table = tableOf({ adminUnit: { name: 'Châu Đốc', poverty: { poor: 0, nearPoor: 142 }, trend: [{ year: 2022 }, { year: 2023 }] } });
    expect(table.columns).toEqual(['adminUnit.name', 'adminUnit.poverty.poor', 'adminUnit.poverty.nearPoor', 'year']);
    expect(table.rows[1]).toEqual({ 'adminUnit.name': 'Châu Đốc', 'adminUnit.poverty.poor': 0, 'adminUnit.poverty.nearPoor': 142, year: 2023 });
  });
});
