import { HousingStatus } from '../../entities/HousingSupport';
import { allowedNext, canMove, transitionProblem, TRANSITIONS } from '../transitions';

const { APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED } = HousingStatus;

describe('housing support transitions', () => {
  // from, to, allowed
  const rows: Array<[HousingStatus, HousingStatus, boolean]> = [
    [APPROVED, APPROVED, false],
    [APPROVED, UNDER_CONSTRUCTION, true],
    [APPROVED, COMPLETED, false],
    [APPROVED, CANCELLED, true],
    [UNDER_CONSTRUCTION, APPROVED, false],
    [UNDER_CONSTRUCTION, UNDER_CONSTRUCTION, false],
    [UNDER_CONSTRUCTION, COMPLETED, true],
    [UNDER_CONSTRUCTION, CANCELLED, true],
    [COMPLETED, APPROVED, false],
    [COMPLETED, UNDER_CONSTRUCTION, false],
    [COMPLETED, COMPLETED, false],
    [COMPLETED, CANCELLED, false],
    [CANCELLED, APPROVED, false],
    [CANCELLED, UNDER_CONSTRUCTION, false],
    [CANCELLED, COMPLETED, false],
    [CANCELLED, CANCELLED, false],
  ];

  it('covers every pair of statuses', () => {
    expect(rows).toHaveLength(Object.values(HousingStatus).length ** 2);
  });

  it.each(rows)('%s → %s: allowed %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
    expect(transitionProblem(from, to) === null).toBe(allowed);
  });

  it.each([
    [APPROVED, [UNDER_CONSTRUCTION, CANCELLED]],
    [UNDER_CONSTRUCTION, [COMPLETED, CANCELLED]],
    [COMPLETED, []],
    [CANCELLED, []],
  ])('from %s the next statuses are %j', (from, next) => {
    expect(allowedNext(from)).toEqual(next);
    expect(TRANSITIONS[from]).toEqual(next);
  });

  it.each([
    [APPROVED, COMPLETED, 'The support is APPROVED and cannot become COMPLETED; from APPROVED it may only become UNDER_CONSTRUCTION or CANCELLED.'],
    [UNDER_CONSTRUCTION, UNDER_CONSTRUCTION, 'The support is already UNDER_CONSTRUCTION; from UNDER_CONSTRUCTION it may only become COMPLETED or CANCELLED.'],
    [COMPLETED, CANCELLED, 'The support is COMPLETED and cannot become CANCELLED; COMPLETED is final; nothing may follow it.'],
    [CANCELLED, UNDER_CONSTRUCTION, 'The support is CANCELLED and cannot become UNDER_CONSTRUCTION; CANCELLED is final; nothing may follow it.'],
  ])('refusing %s → %s names the current status and what may follow', (from, to, message) => {
    expect(transitionProblem(from, to)).toBe(message);
  });
});
