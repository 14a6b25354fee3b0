import { UnitIndex, type Unit } from '../src/lib/areas';
import { foldText, matchesName } from '../src/lib/text';

const unit = (code: string, name: string, level: Unit['level'], parentCode: string | null, validTo: string | null = null): Unit => ({ code, name, level, parentCode, validTo });
const UNITS = [
  unit('64', 'Gia Lai', 'PROVINCE', null),
  unit('66', 'Đắk Lắk', 'PROVINCE', null),
  unit('630', 'Kông Chro', 'DISTRICT', '64', '2025-06-30'),
  unit('23941', 'Thị trấn Kông Chro', 'COMMUNE', '630', '2025-06-30'),
  unit('23944', 'Xã Đăk Kơ Ning', 'COMMUNE', '630', '2025-06-30'),
  unit('24000', 'Xã Kông Chro', 'COMMUNE', '64'),
  unit('646', 'Ea Súp', 'DISTRICT', '66', '2025-06-30'),
  unit('643', 'Buôn Ma Thuột', 'DISTRICT', '66', '2025-06-30'),
  unit('66001', 'Phường Buôn Ma Thuột', 'COMMUNE', '66'),
];

describe('search without diacritics', () => {
  it('folds tones, đ and case', () => {
    expect(foldText('  Đắk  Lắk ')).toBe('dak lak');
    expect(foldText('Buôn Ma Thuột')).toBe('buon ma thuot');
  });

  it('matches every word of the query, in any order', () => {
    expect(matchesName('Kông Chro', 'kong chro')).toBe(true);
    expect(matchesName('Kông Chro', 'chro kong')).toBe(true);
    expect(matchesName('Kông Chro', 'kong pla')).toBe(false);
  });
});

describe('the picker’s index of units', () => {
  const index = new UnitIndex(UNITS);

  it('lists provinces, and under each its units, current ones before abolished ones', () => {
    expect(index.provinces().map((u) => u.code)).toEqual(['66', '64']);
    expect(index.children('64').map((u) => u.code)).toEqual(['24000', '630']);
    expect(index.children('630').map((u) => u.name)).toEqual(['Thị trấn Kông Chro', 'Xã Đăk Kơ Ning']);
  });

  it('gives the path from the province down', () => {
    expect(index.path('23944').map((u) => u.code)).toEqual(['64', '630', '23944']);
    expect(index.path('unknown')).toEqual([]);
  });

  it('finds abolished districts by name without diacritics, districts before communes', () => {
    expect(index.search('kong chro').map((u) => u.code)).toEqual(['630', '24000', '23941']);
    expect(index.search('buon ma thuot').map((u) => u.level)).toEqual(['DISTRICT', 'COMMUNE']);
    expect(index.search('dak')).toEqual(expect.arrayContaining([expect.objectContaining({ code: '66' }), expect.objectContaining({ code: '23944' })]));
  });

  it('finds a unit by its code, and nothing for blank or unknown text', () => {
    expect(index.search('646').map((u) => u.code)).toEqual(['646']);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('hà nội')).toEqual([]);
  });
});
