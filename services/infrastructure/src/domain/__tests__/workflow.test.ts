import { WorkStatus } from '../../entities/InfrastructureProject';
import { acceptsDisbursement, allowedStatuses, earliestDay, transition, TRANSITIONS, WorkAction } from '../workflow';

const { APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED } = WorkStatus;
const { START, COMPLETE, CANCEL } = WorkAction;

describe('transition — every status × every action', () => {
  it.each([
    // current, action, next (null = refused), allowed statuses named when refused
    [APPROVED, START, UNDER_CONSTRUCTION, null],
    [APPROVED, COMPLETE, null, [UNDER_CONSTRUCTION, CANCELLED]],
    [APPROVED, CANCEL, CANCELLED, null],
    [UNDER_CONSTRUCTION, START, null, [COMPLETED, CANCELLED]],
    [UNDER_CONSTRUCTION, COMPLETE, COMPLETED, null],
    [UNDER_CONSTRUCTION, CANCEL, CANCELLED, null],
    [COMPLETED, START, null, []],
    [COMPLETED, COMPLETE, null, []],
    [COMPLETED, CANCEL, null, []],
    [CANCELLED, START, null, []],
    [CANCELLED, COMPLETE, null, []],
    [CANCELLED, CANCEL, null, []],
  ] as Array<[WorkStatus, WorkAction, WorkStatus | null, WorkStatus[] | null]>)('%s + %s → %s', (current, action, next, allowed) => {
    const result = transition(current, action);
    if (next) {
      expect(result).toEqual({ allowed: true, next });
    } else {
      expect(result).toMatchObject({ allowed: false, current, allowedStatuses: allowed });
    }
  });

  it.each([
    [APPROVED, COMPLETE, 'The work is APPROVED and cannot be completed: from APPROVED it may only become UNDER_CONSTRUCTION or CANCELLED.'],
    [UNDER_CONSTRUCTION, START, 'The work is UNDER_CONSTRUCTION and cannot be started: from UNDER_CONSTRUCTION it may only become COMPLETED or CANCELLED.'],
    [COMPLETED, CANCEL, 'The work is COMPLETED and cannot be cancelled: COMPLETED is final; no further change is allowed.'],
    [CANCELLED, START, 'The work is CANCELLED and cannot be started: CANCELLED is final; no further change is allowed.'],
  ] as Array<[WorkStatus, WorkAction, string]>)('refusing %s + %s names the current and allowed statuses', (current, action, message) => {
    const result = transition(current, action);
    expect(result.allowed).toBe(false);
    expect(!result.allowed && result.message).toBe(message);
  });

  it('lists for every status what it may become, and nothing leads back to APPROVED', () => {
    expect(allowedStatuses(APPROVED)).toEqual([UNDER_CONSTRUCTION, CANCELLED]);
    expect(allowedStatuses(UNDER_CONSTRUCTION)).toEqual([COMPLETED, CANCELLED]);
    expect(allowedStatuses(COMPLETED)).toEqual([]);
    expect(allowedStatuses(CANCELLED)).toEqual([]);
    expect(Object.values(TRANSITIONS).flatMap((next) => Object.values(next))).not.toContain(APPROVED);
  });
});

describe('earliestDay — dates in order', () => {
  const approved = { approvedOn: '2023-03-01', startedOn: null };
  const started = { approvedOn: '2023-03-01', startedOn: '2023-05-10' };
  it.each([
    ['start: not before the approval', START, approved, '2023-03-01', 'the approval'],
    ['complete: not before the start', COMPLETE, started, '2023-05-10', 'the start of construction'],
    ['cancel before the start: not before the approval', CANCEL, approved, '2023-03-01', 'the approval'],
    ['cancel under construction: not before the approval', CANCEL, started, '2023-03-01', 'the approval'],
  ] as const)('%s', (_label, action, dates, day, event) => {
    expect(earliestDay(action, dates)).toEqual({ day, event });
  });
});

describe('acceptsDisbursement', () => {
  it.each([
    [APPROVED, true],
    [UNDER_CONSTRUCTION, true],
    [COMPLETED, true],
    [CANCELLED, false],
  ])('%s → %s', (status, expected) => {
    expect(acceptsDisbursement(status)).toBe(expected);
  });
});
