import { badUserInput } from '@povgraph/errors';
export { isUuid, todayInVietnam, requireText, optionalText, requireNotInFuture, requireYear } from '@povgraph/validation';

const MAX_FLOOR_AREA_M2 = 1000;

/** A measured floor area: more than 0, up to 1,000 m², at most 2 decimals. */
export function requireFloorArea(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_FLOOR_AREA_M2) {
    throw badUserInput(field, `The floor area must be more than 0 and at most ${MAX_FLOOR_AREA_M2} m²; got ${value}.`);
  }
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) throw badUserInput(field, `The floor area has at most 2 decimals (m²); got ${value}.`);
  return Math.round(value * 100) / 100;
}

