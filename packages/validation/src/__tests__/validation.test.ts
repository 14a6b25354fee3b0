import { decodeCursor, encodeCursor, optionalText, requireNotInFuture, requirePageSize, requireText, requireYear, todayInVietnam } from '..';

const refusal = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });

describe('validation', () => {
  it('uses the date in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2023-12-31T17:00:00Z'))).toBe('2024-01-01');
    expect(todayInVietnam(new Date('2023-12-31T16:59:59Z'))).toBe('2023-12-31');
  });

  it('normalises text and refuses blanks and overlong text', () => {
    expect(requireText('f', '  Xã   Ya\u0300 Ma ', 'Name')).toBe('Xã Yà Ma');
    expect(() => requireText('input.name', '   ', 'The name')).toThrow(refusal('input.name'));
    expect(() => requireText('input.name', 'x'.repeat(11), 'The name', 10)).toThrow('The name must be at most 10 characters; it has 11.');
    expect(optionalText('f', '  ', 'Note')).toBeNull();
  });

  it('bounds years, dates and page sizes', () => {
    expect(requireYear('year', 2023)).toBe(2023);
    expect(() => requireYear('year', 1999)).toThrow(refusal('year'));
    expect(() => requireNotInFuture('input.on', '2024-01-02', 'The date', '2024-01-01')).toThrow('The date 2024-01-02 is in the future; today is 2024-01-01.');
    expect(requirePageSize(1000)).toBe(1000);
    expect(() => requirePageSize(1001)).toThrow(refusal('first'));
  });

  it('round-trips cursors and refuses ones it did not give out', () => {
    const cursor = encodeCursor([2023, 'Đường Ya Ma', 'a1b2']);
    expect(decodeCursor(cursor, 3)).toEqual([2023, 'Đường Ya Ma', 'a1b2']);
    expect(() => decodeCursor(cursor, 2)).toThrow(refusal('after'));
    expect(() => decodeCursor('not a cursor', 3)).toThrow(refusal('after'));
    expect(() => decodeCursor(encodeCursor([1]).slice(0, -1), 1)).toThrow(refusal('after'));
  });
});
