import { LoanStatus, loanStatusOn, outstandingOn, overdueOn, repayableOn } from '../balance';
import { differingFields } from '../idempotency';

const loan = { principal: 30_000_000, disbursedOn: '2017-01-10', maturesOn: '2018-01-10' };
const repayments = [
  { paidOn: '2017-06-30', amount: 10_000_000 },
  { paidOn: '2018-03-01', amount: 5_000_000 },
];

describe('a loan on a day', () => {
  it.each([
    // asOf, outstanding, overdue, status
    ['2017-01-09', 0, 0, null],
    ['2017-01-10', 30_000_000, 0, LoanStatus.ACTIVE],
    ['2017-06-30', 20_000_000, 0, LoanStatus.ACTIVE],
    ['2018-01-10', 20_000_000, 0, LoanStatus.ACTIVE],
    ['2018-01-11', 20_000_000, 20_000_000, LoanStatus.OVERDUE],
    ['2018-03-01', 15_000_000, 15_000_000, LoanStatus.OVERDUE],
  ])('%s: outstanding %s, overdue %s, %s', (asOf, outstanding, overdue, status) => {
    expect(outstandingOn(loan, repayments, asOf)).toBe(outstanding);
    expect(overdueOn(loan, repayments, asOf)).toBe(overdue);
    expect(loanStatusOn(loan, repayments, asOf)).toBe(status);
  });

  it('is REPAID once the balance is 0, before or after maturity', () => {
    const paid = [...repayments, { paidOn: '2018-04-01', amount: 15_000_000 }];
    expect(loanStatusOn(loan, paid, '2018-04-01')).toBe(LoanStatus.REPAID);
    expect(overdueOn(loan, paid, '2018-04-01')).toBe(0);
    expect(loanStatusOn(loan, [{ paidOn: '2017-02-01', amount: 30_000_000 }], '2017-02-01')).toBe(LoanStatus.REPAID);
  });
});

describe('repayableOn', () => {
  it.each([
    ['2017-03-01', 30_000_000, 15_000_000, 15_000_000],
    ['2017-07-01', 20_000_000, 15_000_000, 15_000_000],
    ['2018-06-01', 15_000_000, 15_000_000, 15_000_000],
  ])('on %s: balance %s, remaining %s, at most %s', (paidOn, balanceOn, remaining, max) => {
    expect(repayableOn(loan, repayments, paidOn)).toEqual({ balanceOn, remaining, max });
  });
});

describe('differingFields', () => {
  it('names the fields a retried request changed', () => {
    const stored = { a: 1, b: 'x', c: '2024-01-01' };
    expect(differingFields(stored, { ...stored }, ['a', 'b', 'c'])).toEqual([]);
    expect(differingFields(stored, { ...stored, a: 2, c: '2024-01-02' }, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(differingFields(stored, { ...stored, b: 'y' }, ['a'])).toEqual([]);
  });
});
