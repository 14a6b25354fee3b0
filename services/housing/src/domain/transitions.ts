import { HousingStatus } from '../entities/HousingSupport';

const { APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED } = HousingStatus;

/** Where a support may go from each status: works start, finish, or the support is cancelled before completion. */
export const TRANSITIONS: Readonly<Record<HousingStatus, readonly HousingStatus[]>> = {
  [APPROVED]: [UNDER_CONSTRUCTION, CANCELLED],
  [UNDER_CONSTRUCTION]: [COMPLETED, CANCELLED],
  [COMPLETED]: [],
  [CANCELLED]: [],
};

export const allowedNext = (from: HousingStatus): readonly HousingStatus[] => TRANSITIONS[from];

export const canMove = (from: HousingStatus, to: HousingStatus): boolean => TRANSITIONS[from].includes(to);

/** Why a support in `from` cannot move to `to`, naming what is allowed; null when it can. */
export function transitionProblem(from: HousingStatus, to: HousingStatus): string | null {
  if (canMove(from, to)) return null;
  const next = allowedNext(from);
  const allowed = next.length ? `from ${from} it may only become ${next.join(' or ')}` : `${from} is final; nothing may follow it`;
  return from === to ? `The support is already ${from}; ${allowed}.` : `The support is ${from} and cannot become ${to}; ${allowed}.`;
}
