import { badUserInput } from '@povgraph/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record. */
export const isUuid = (value: string) => UUID.test(value);

/** Programme and report years this service accepts. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** Today's date as YYYY-MM-DD (UTC+7, the date a Vietnamese clerk sees). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function requireText(field: string, value: string, label: string, maxLength = 200): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, `${label} must not be empty.`);
  if (trimmed.length > maxLength) throw badUserInput(field, `${label} must be at most ${maxLength} characters; it has ${trimmed.length}.`);
  return trimmed;
}

export function requireIntegerInRange(field: string, value: number, label: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(field, `${label} must be a whole number from ${min} to ${max}; got ${value}.`);
  return value;
}

/** A programme or report year, 2000–2100. */
export const requireYear = (field: string, value: number) => requireIntegerInRange(field, value, 'The year', FIRST_YEAR, LAST_YEAR);

export function requireNotInFuture(field: string, day: string, label: string): string {
  const today = todayInVietnam();
  if (day > today) throw badUserInput(field, `${label} ${day} is in the future; today is ${today}.`);
  return day;
}

export function requireMoney(field: string, value: number, label: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw badUserInput(field, `${label} must be a whole number of đồng, at least 0; got ${value}.`);
  return value;
}
