import { badUserInput } from '@povgraph/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMMUNE_CODE = /^\d{5}$/;

/** Years a report or filter may ask for. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** Ids are UUIDs; anything else cannot name a record. */
export const isUuid = (value: string) => UUID.test(value);

/** Today's date as YYYY-MM-DD (UTC+7, the date a Vietnamese clerk sees). */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Trimmed, single-spaced, in Unicode NFC (keyboards send Vietnamese letters either way). */
export function requireText(field: string, value: string, label: string, maxLength = 200): string {
  const trimmed = value.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!trimmed) throw badUserInput(field, `${label} must not be empty.`);
  if (trimmed.length > maxLength) throw badUserInput(field, `${label} must be at most ${maxLength} characters; it has ${trimmed.length}.`);
  return trimmed;
}

export function requireIntegerInRange(field: string, value: number, label: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(field, `${label} must be a whole number from ${min} to ${max}; got ${value}.`);
  return value;
}

export function requireNotInFuture(field: string, day: string, label: string): string {
  const today = todayInVietnam();
  if (day > today) throw badUserInput(field, `${label} ${day} is in the future; today is ${today}.`);
  return day;
}

export function requireMoney(field: string, value: number, label: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw badUserInput(field, `${label} must be a whole number of đồng, at least 0; got ${value}.`);
  return value;
}

export function requirePositiveMoney(field: string, value: number, label: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw badUserInput(field, `${label} must be a whole number of đồng, more than 0; got ${value}.`);
  return value;
}

/** Report and filter years: 2000–2100. */
export function requireYear(field: string, year: number): number {
  return requireIntegerInRange(field, year, 'The year', FIRST_YEAR, LAST_YEAR);
}

/** Courses and fairs happen in a commune (5 digits), not in a district or province. */
export function requireCommuneCode(field: string, code: string, what: string): string {
  if (!COMMUNE_CODE.test(code)) throw badUserInput(field, `${what} is held in a commune: give the commune's 5-digit code, not ${code} (a ${code.length === 2 ? 'province' : 'district'}).`);
  return code;
}
