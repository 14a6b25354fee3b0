import { WorkStatus } from '../entities/InfrastructureProject';

/** What a clerk does to a work; each is one mutation. */
export enum WorkAction {
  START = 'START',
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
}

const { APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED } = WorkStatus;

/**
 * The life of a work: approved → under construction → completed, and cancelled
 * from either of the first two. Completed and cancelled works are final.
 */
export const TRANSITIONS: Readonly<Record<WorkStatus, Readonly<Partial<Record<WorkAction, WorkStatus>>>>> = {
  [APPROVED]: { [WorkAction.START]: UNDER_CONSTRUCTION, [WorkAction.CANCEL]: CANCELLED },
  [UNDER_CONSTRUCTION]: { [WorkAction.COMPLETE]: COMPLETED, [WorkAction.CANCEL]: CANCELLED },
  [COMPLETED]: {},
  [CANCELLED]: {},
};

/** How each action reads in a clerk's message. */
const VERB: Record<WorkAction, string> = {
  [WorkAction.START]: 'started',
  [WorkAction.COMPLETE]: 'completed',
  [WorkAction.CANCEL]: 'cancelled',
};

export type TransitionResult =
  | { allowed: true; next: WorkStatus }
  | { allowed: false; current: WorkStatus; allowedStatuses: WorkStatus[]; message: string };

/** The statuses a work in `current` may move to next, in the order of the table. */
export function allowedStatuses(current: WorkStatus): WorkStatus[] {
  return Object.values(TRANSITIONS[current]);
}

/** Where `action` takes a work in `current`, or why it may not (naming the current and allowed statuses). */
export function transition(current: WorkStatus, action: WorkAction): TransitionResult {
  const next = TRANSITIONS[current][action];
  if (next) return { allowed: true, next };
  const allowed = allowedStatuses(current);
  const onward = allowed.length ? `from ${current} it may only become ${allowed.join(' or ')}` : `${current} is final; no further change is allowed`;
  return { allowed: false, current, allowedStatuses: allowed, message: `The work is ${current} and cannot be ${VERB[action]}: ${onward}.` };
}

/** The dates of a work that later events must not precede. */
export interface WorkDates {
  approvedOn: string;
  startedOn: string | null;
}

/**
 * The earliest day `action` may be dated, and the event that sets it: construction
 * starts on or after the approval, completes on or after the start, and a work is
 * cancelled on or after its approval.
 */
export function earliestDay(action: WorkAction, dates: WorkDates): { day: string; event: string } {
  if (action === WorkAction.COMPLETE && dates.startedOn) return { day: dates.startedOn, event: 'the start of construction' };
  return { day: dates.approvedOn, event: 'the approval' };
}

/** Whether money may still be paid to a work in `status` (advances before the start, settlement after completion). */
export function acceptsDisbursement(status: WorkStatus): boolean {
  return status !== CANCELLED;
}
