import { capitalProblem, disbursementProblem, formatDong, remainingCapital, totalCapital } from '../capital';

describe('capital of a work', () => {
  it.each([
    ['investment only', 5_000_000_000, 0, null],
    ['recurrent only', 0, 300_000_000, null],
    ['both', 4_500_000_000, 200_000_000, null],
    ['neither', 0, 0, /must be more than 0/],
    ['beyond the safe range together', Number.MAX_SAFE_INTEGER, 1, /must stay below/],
  ] as Array<[string, number, number, RegExp | null]>)('%s', (_label, investmentCapital, recurrentCapital, problem) => {
    const found = capitalProblem({ investmentCapital, recurrentCapital });
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });

  it('adds the two capitals and subtracts what is disbursed', () => {
    expect(totalCapital({ investmentCapital: 54_532_000_000, recurrentCapital: 7_200_000_000 })).toBe(61_732_000_000);
    expect(remainingCapital({ investmentCapital: 1_000, recurrentCapital: 500, disbursed: 1_200 })).toBe(300);
    expect(remainingCapital({ investmentCapital: 1_000, recurrentCapital: 500, disbursed: 1_500 })).toBe(0);
  });
});

describe('disbursementProblem', () => {
  const work = { investmentCapital: 800_000_000, recurrentCapital: 200_000_000, disbursed: 700_000_000 };
  it.each([
    ['exactly what is left', 300_000_000, null],
    ['1 đồng', 1, null],
    ['1 đồng more than is left', 300_000_001, 'Only 300,000,000 đồng of the work\'s 1,000,000,000 đồng capital is left to disburse (700,000,000 đồng already paid); 300,000,001 đồng is too much.'],
    ['nothing', 0, 'A disbursement must be a whole number of đồng, more than 0; got 0.'],
    ['a fraction', 10.5, 'A disbursement must be a whole number of đồng, more than 0; got 10.5.'],
  ] as Array<[string, number, string | null]>)('%s', (_label, amount, problem) => {
    expect(disbursementProblem(work, amount)).toBe(problem);
  });

  it('says when the whole capital is paid', () => {
    expect(disbursementProblem({ ...work, disbursed: 1_000_000_000 }, 1)).toBe("The work's whole capital of 1,000,000,000 đồng is already disbursed; nothing is left to pay.");
  });

  it('formats amounts with grouped digits', () => {
    expect(formatDong(54_532_000_000)).toBe('54,532,000,000 đồng');
  });
});
