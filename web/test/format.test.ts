import { formatChange, formatCount, formatDate, formatMillions, formatPercent } from '../src/lib/format';

describe('numbers as officials write them', () => {
  it('groups thousands the Vietnamese way, and the English way on the switch', () => {
    expect(formatCount(12836, 'vi')).toBe('12.836');
    expect(formatCount(12836, 'en')).toBe('12,836');
  });

  it('writes rates with two decimals and a spaced percent sign in Vietnamese', () => {
    expect(formatPercent(33.78, 'vi')).toBe('33,78 %');
    expect(formatPercent(0.49, 'en')).toBe('0.49%');
    expect(formatPercent(5, 'vi')).toBe('5,00 %');
  });

  it('writes money in millions of đồng, keeping every thousand', () => {
    expect(formatMillions(99_186_000_000, 'vi')).toBe('99.186');
    expect(formatMillions(202_500_000, 'vi')).toBe('202,5');
    expect(formatMillions(1_234_567_000, 'en')).toBe('1,234.567');
    expect(formatMillions(0, 'vi')).toBe('0');
  });

  it('signs a change with a true minus, and a plus for a rise', () => {
    expect(formatChange(-5.91, 'vi', 'points')).toBe('−5,91');
    expect(formatChange(-665, 'vi', 'count')).toBe('−665');
    expect(formatChange(1200, 'en', 'count')).toBe('+1,200');
    expect(formatChange(0, 'en', 'points')).toBe('0.00');
  });

  it('writes days as dd/mm/yyyy in Vietnamese, whatever the time zone', () => {
    expect(formatDate('2023-12-31', 'vi')).toBe('31/12/2023');
    expect(formatDate('2024-01-01', 'en')).toBe('01 Jan 2024');
  });
});
