import { toggleProgramme, unreachedVariables, type CoverageFilter } from '../src/lib/coverage';
import { sortRows } from '../src/lib/sort';

describe('the coverage filter', () => {
  const none: CoverageFilter = { status: null, without: ['CREDIT', 'HOUSING', 'TRAINING'] };

  it('unticks and ticks programmes, keeping their order', () => {
    const noHousing = toggleProgramme(none, 'HOUSING');
    expect(noHousing.without).toEqual(['CREDIT', 'TRAINING']);
    expect(toggleProgramme(toggleProgramme(noHousing, 'CREDIT'), 'HOUSING').without).toEqual(['HOUSING', 'TRAINING']);
  });

  it('asks the list with the status and the programmes', () => {
    expect(unreachedVariables('630', 2023, { status: 'POOR', without: ['CREDIT'] }, 50)).toEqual({ code: '630', year: 2023, status: 'POOR', without: ['CREDIT'], first: 50, after: null });
    expect(unreachedVariables('630', 2023, none, 50)).toMatchObject({ status: null, without: ['CREDIT', 'HOUSING', 'TRAINING'] });
  });

  it('asks nothing when no programme is ticked', () => {
    expect(unreachedVariables('630', 2023, { status: null, without: [] }, 50)).toBeNull();
  });
});

describe('sorting a table', () => {
  const rows = [
    { name: 'Xã Đăk Pơ Pho', poor: 310 },
    { name: 'Thị trấn Kông Chro', poor: null },
    { name: 'Xã An Trung', poor: 125 },
  ];

  it('sorts numbers numerically both ways, missing values last', () => {
    expect(sortRows(rows, (r) => r.poor, 'asc').map((r) => r.poor)).toEqual([125, 310, null]);
    expect(sortRows(rows, (r) => r.poor, 'desc').map((r) => r.poor)).toEqual([310, 125, null]);
  });

  it('sorts names in Vietnamese order', () => {
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual(['Thị trấn Kông Chro', 'Xã An Trung', 'Xã Đăk Pơ Pho']);
  });
});
