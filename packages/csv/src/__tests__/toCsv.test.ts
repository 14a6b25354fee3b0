import { BOM, csvHeader, csvRows, formatCell, toCsv } from '..';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv(['code', 'name'], [{ code: '630', name: 'Kông Chro' }]);
    expect(csv).toBe('\uFEFFcode,name\r\n630,Kông Chro\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.startsWith(BOM)).toBe(true);
  });

  it('keeps Vietnamese text byte for byte', () => {
    const names = ['Đinh Thị Hoa', 'Nguyễn Văn Ánh', 'Rơ Châm Ớt', 'Xã Đắk Kơ Ning'];
    const bytes = Buffer.from(toCsv(['headName'], names.map((headName) => ({ headName }))), 'utf8');
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n').slice(1, -1)).toEqual(names);
    // Precomposed letters stay precomposed: "ệ" is U+1EC7, three bytes, not e + two marks.
    expect(Buffer.from(toCsv(['v'], [{ v: 'Nguyễn' }]), 'utf8').toString('hex')).toContain(Buffer.from('\u1EC5', 'utf8').toString('hex'));
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e'], [{ a: 'Làng Tơ Pơ, thôn 2', b: 'hộ "mẫu"', c: 'dòng 1\ndòng 2', d: 'x\ry', e: 'plain' }]);
    expect(csv).toBe('\uFEFFa,b,c,d,e\r\n"Làng Tơ Pơ, thôn 2","hộ ""mẫu""","dòng 1\ndòng 2","x\ry",plain\r\n');
    expect(toCsv(['a,b'], [])).toBe('\uFEFF"a,b"\r\n');
  });

  it('writes money as plain whole numbers, booleans as TRUE / FALSE, nothing for null', () => {
    expect(toCsv(['disbursed', 'rate', 'poorDistrict', 'urban', 'note', 'missing'], [{ disbursed: 99_186_000_000, rate: 33.78, poorDistrict: true, urban: false, note: null }]))
      .toBe('\uFEFFdisbursed,rate,poorDistrict,urban,note,missing\r\n99186000000,33.78,TRUE,FALSE,,\r\n');
    expect(formatCell(1e21)).toBe('1000000000000000000000');
    expect(formatCell(2 ** 70)).toBe('1180591620717411303424');
    expect(formatCell(0.0000005)).toBe('0.0000005');
    expect(formatCell(-5.91)).toBe('-5.91');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(['EMPLOYMENT', 'NUTRITION'])).toBe('EMPLOYMENT; NUTRITION');
    expect(formatCell([1, true, null])).toBe('1; TRUE; ');
  });

  it('writes a long export as one header and then chunks of rows', () => {
    const columns = ['code', 'poor'];
    const rows = [{ code: '630', poor: 4336 }, { code: '884', poor: 0 }, { code: '646', poor: 1 }];
    expect(csvHeader(columns) + csvRows(columns, rows.slice(0, 2)) + csvRows(columns, rows.slice(2))).toBe(toCsv(columns, rows));
    expect(csvRows(columns, [])).toBe('');
  });
});
