import { nameKey } from '../names';

describe('nameKey', () => {
  const same: Array<[string, string, string]> = [
    ['the same name', 'Đinh Văn Hmơ', 'Đinh Văn Hmơ'],
    ['different case, Đ included', 'ĐINH VĂN HMƠ', 'đinh văn hmơ'],
    ['surrounding and repeated spaces', '  Đinh   Văn\tHmơ ', 'Đinh Văn Hmơ'],
    ['precomposed vs combining marks (NFC)', 'Nguy\u1EC5n', 'Nguye\u0302\u0303n'],
  ];
  it.each(same)('treats %s as one person', (_label, a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  const different: Array<[string, string, string]> = [
    ['names differing only by a tone mark', 'Hoa', 'Hòa'],
    ['names differing by a letter', 'Đinh Văn Hmơ', 'Đinh Văn Hmở'],
    ['a middle name added', 'Đinh Hmơ', 'Đinh Văn Hmơ'],
  ];
  it.each(different)('keeps %s apart', (_label, a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('gives the lower-case, single-spaced NFC text', () => {
    expect(nameKey('  Trần  THỊ Lan ')).toBe('trần thị lan');
  });
});
