import { Kind } from 'graphql';
import { AdminCodeScalar, DateScalar, VNDScalar } from '..';

describe('VND', () => {
  it.each([0, 1_500_000, 190_434_000_000, Number.MAX_SAFE_INTEGER])('accepts %p đồng exactly', (amount) => {
    expect(VNDScalar.parseValue(amount)).toBe(amount);
    expect(VNDScalar.serialize(amount)).toBe(amount);
  });

  it.each([-1, 1.5, '100', Number.MAX_SAFE_INTEGER + 1, null])('refuses %p with BAD_USER_INPUT', (amount) => {
    expect(() => VNDScalar.parseValue(amount)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('serialises a bigint column string without loss', () => {
    expect(VNDScalar.serialize('9007199254740991')).toBe(9_007_199_254_740_991);
  });

  it('parses an integer literal and refuses a string literal', () => {
    expect(VNDScalar.parseLiteral({ kind: Kind.INT, value: '40000000' })).toBe(40_000_000);
    expect(() => VNDScalar.parseLiteral({ kind: Kind.STRING, value: '40000000' })).toThrow(/whole number/);
  });
});

describe('Date', () => {
  it.each(['2023-12-31', '2024-02-29', '2025-07-01'])('accepts %s', (date) => expect(DateScalar.parseValue(date)).toBe(date));
  it.each(['2023-02-29', '2023-13-01', '31/12/2023', '2023-1-1', 20231231])('refuses %p', (date) => {
    expect(() => DateScalar.parseValue(date)).toThrow(/YYYY-MM-DD/);
  });
  it('answers the text a service holds as it is', () => expect(DateScalar.serialize('2023-12-31')).toBe('2023-12-31'));
  // A JS Date has no calendar day of its own (it depends on the time zone): services answer text.
  it.each([new Date('2023-12-31T00:00:00Z'), '31/12/2023', null])('refuses to answer %p', (value) => {
    expect(() => DateScalar.serialize(value)).toThrow(/YYYY-MM-DD/);
  });
});

describe('AdminCode', () => {
  it.each(['64', '630', '23500'])('accepts %s', (code) => expect(AdminCodeScalar.parseValue(code)).toBe(code));
  it.each(['6', '6300', '630001', 'KC', 630])('refuses %p', (code) => {
    expect(() => AdminCodeScalar.parseValue(code)).toThrow(/2 digits/);
  });
});
