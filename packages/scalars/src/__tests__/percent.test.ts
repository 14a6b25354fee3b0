import { percentWith2Decimals, rateInHundredths } from '../percent';

describe('rates as percent with 2 decimals', () => {
  it.each([
    [0, 0, 0],
    [0, 1000, 0],
    [5, 5, 100],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [4336, 12836, 33.78],
    [33_785, 100_000, 33.79],
    [33_784, 100_000, 33.78],
    // National balances: 332 trillion đồng outstanding.
    [3_320_000_000_001, 332_000_000_000_000, 1],
  ])('%s / %s = %s %%', (part, total, expected) => {
    expect(percentWith2Decimals(part, total)).toBe(expected);
  });

  it('rounds half up on integers, without floating-point drift', () => {
    // 0.125 % exactly: 1 of 800 = 12.5 hundredths → 13.
    expect(rateInHundredths(1, 800)).toBe(13);
  });
});
