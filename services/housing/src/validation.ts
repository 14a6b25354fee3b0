import { badUserInput } from '@povgraph/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record. */
export const isUuid = (value: string) => UUID.test(value);

/** Today's date as YYYY-MM-DD (UTC+7, the date a Vietnamese clerk sees). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function requireNotInFuture(field: string, day: string, label: string): string {
  const today = todayInVietnam();
  if (day > today) throw badUserInput(field, `${label} ${day} is in the future; today is ${today}.`);
  return day;
}

export function requireText(field: string, value: string, label: string, maxLength: number): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, `${label} must not be empty.`);
  if (trimmed.length > maxLength) throw badUserInput(field, `${label} must be at most ${maxLength} characters; it has ${trimmed.length}.`);
  return trimmed;
}

/** Blank or absent text is null. */
export function optionalText(field: string, value: string | null | undefined, label: string, maxLength: number): string | null {
  return value == null || !value.trim() ? null : requireText(field, value, label, maxLength);
}

const MAX_FLOOR_AREA_M2 = 1000;

/** A measured floor area: more than 0, up to 1,000 m², at most 2 decimals. */
export function requireFloorArea(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_FLOOR_AREA_M2) {
    throw badUserInput(field, `The floor area must be more than 0 and at most ${MAX_FLOOR_AREA_M2} m²; got ${value}.`);
  }
  if (Math.abs(Math.round(value * 100) - value * 100) > 1e-6) throw badUserInput(field, `The floor area has at most 2 decimals (m²); got ${value}.`);
  return Math.round(value * 100) / 100;
}

/** Report years: 2000–2100. */
export function requireYear(field: string, year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput(field, `The year must be a whole number from 2000 to 2100; got ${year}.`);
  return year;
}
