import { areaPerPerson } from '../area';
import { loanProblem } from '../loanLink';

const LOAN = '11111111-1111-4111-8111-111111111111';
const HOUSEHOLD = '22222222-2222-4222-8222-222222222222';
const OTHER_HOUSEHOLD = '33333333-3333-4333-8333-333333333333';

describe('linking a VBSP loan to a housing support', () => {
  it.each([
    ['a HOUSING loan of the same household', { id: LOAN, programme: 'HOUSING', household: { id: HOUSEHOLD } }, null],
    ['no loan with that id', null, /No VBSP loan has id 11111111/],
    ['a loan of another programme', { id: LOAN, programme: 'POOR_HOUSEHOLD', household: { id: HOUSEHOLD } }, /is a POOR_HOUSEHOLD loan; only a HOUSING loan/],
    ['a HOUSING loan of another household', { id: LOAN, programme: 'HOUSING', household: { id: OTHER_HOUSEHOLD } }, /was made to another household/],
    ['a HOUSING loan whose household is not known', { id: LOAN, programme: 'HOUSING', household: null }, /was made to another household/],
  ])('%s → %s', (_label, loan, problem) => {
    const found = loanProblem(LOAN, loan, HOUSEHOLD);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('floor area per person', () => {
  it.each([
    [36, 4, 9],
    [31.5, 4, 7.88],
    [25, 3, 8.33],
    [100.25, 4, 25.06],
    [40, 0, null],
    [null, 4, null],
    [40, null, null],
  ])('%s m² for %s members → %s m² each', (area, members, expected) => {
    expect(areaPerPerson(area, members)).toBe(expected);
  });
});
