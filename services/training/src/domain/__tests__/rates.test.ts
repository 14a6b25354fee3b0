import { percent, rateInHundredths } from '../rates';

describe('percent', () => {
  it.each([
    [0, 0, 0],
    [0, 5, 0],
    [5, 5, 100],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [4336, 12836, 33.78],
    [1, 8, 12.5],
  ])('%i of %i is %d %', (part, total, expected) => {
    expect(percent(part, total)).toBe(expected);
  });

  it('rounds half up on integers, without floating-point drift', () => {
    // 0.125 % exactly: 1 of 800 = 12.5 hundredths → 13.
    expect(rateInHundredths(1, 800)).toBe(13);
  });
});
