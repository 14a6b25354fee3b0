import { apportion, randomParts, randomSource } from '..';

describe('randomSource', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = randomSource(7);
    const b = randomSource(7);
    const c = randomSource(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('draws dates inside the range, both ends included', () => {
    const random = randomSource(1);
    const dates = new Set(Array.from({ length: 200 }, () => random.dateBetween('2023-02-27', '2023-03-01')));
    expect([...dates].sort()).toEqual(['2023-02-27', '2023-02-28', '2023-03-01']);
  });
});

describe('randomParts', () => {
  it('splits a reported total into parts that add up to it exactly, in whole steps above the minimum', () => {
    const parts = randomParts(randomSource(3), 99_186_000_000, 2_486, { min: 10_000_000, step: 1_000_000 });
    expect(parts).toHaveLength(2_486);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(99_186_000_000);
    expect(parts.every((p) => p >= 10_000_000 && p % 1_000_000 === 0)).toBe(true);
    expect(new Set(parts).size).toBeGreaterThan(10);
  });

  it('refuses a split that cannot be made', () => {
    expect(() => randomParts(randomSource(3), 100, 11, { min: 10 })).toThrow(/exceed/);
    expect(() => randomParts(randomSource(3), 105, 2, { step: 10 })).toThrow(/multiples/);
  });
});

describe('apportion', () => {
  it('gives integer shares proportional to the weights that sum to the total', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(477, [1, 2, 3]).reduce((a, b) => a + b, 0)).toBe(477);
  });
});
