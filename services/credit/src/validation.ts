import { badUserInput } from '@povgraph/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record. */
export const isUuid = (value: string) => UUID.test(value);

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

export function requireNotInFuture(field: string, day: string, label: string, today = todayInVietnam()): string {
  if (day > today) throw badUserInput(field, `${label} ${day} is in the future; today is ${today}.`);
  return day;
}

/** More than 0 đồng (the VND scalar already guarantees a whole, non-negative, safe number). */
export function requirePositiveMoney(field: string, value: number, label: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw badUserInput(field, `${label} must be more than 0 đồng; got ${value}.`);
  return value;
}

export const IDEMPOTENCY_KEY_LENGTH = { min: 8, max: 100 } as const;

/** The client's idempotency key: 8–100 characters, taken as sent (no trimming: it is an identifier). */
export function requireIdempotencyKey(field: string, key: string): string {
  const { min, max } = IDEMPOTENCY_KEY_LENGTH;
  if (key.length < min || key.length > max) {
    throw badUserInput(field, `The idempotency key must be ${min}–${max} characters (for example a UUID made once per form); it has ${key.length}.`);
  }
  return key;
}

/** Year arguments of reports: 2000–2100. */
export function requireReportYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput('year', `The year must be a whole number from 2000 to 2100; got ${year}.`);
  return year;
}
