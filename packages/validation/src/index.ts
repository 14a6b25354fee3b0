import { badUserInput } from '@povgraph/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Years a report, filter or plan may name. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** The largest page any list serves. */
export const MAX_PAGE_SIZE = 1000;

/** Ids are UUIDs; anything else cannot name a record. */
export const isUuid = (value: string): boolean => UUID.test(value);

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

/** Like requireText, but blank means "not given" (null). */
export function optionalText(field: string, value: string | null | undefined, label: string, maxLength = 200): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return requireText(field, value, label, maxLength);
}

export function requireIntegerInRange(field: string, value: number, label: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(field, `${label} must be a whole number from ${min} to ${max}; got ${value}.`);
  return value;
}

/** A year from 2000 to 2100. */
export const requireYear = (field: string, year: number, label = 'The year'): number => requireIntegerInRange(field, year, label, FIRST_YEAR, LAST_YEAR);

export function requireNotInFuture(field: string, day: string, label: string, today = todayInVietnam()): string {
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

/** A page size from 1 to MAX_PAGE_SIZE. */
export function requirePageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(field, `Page size must be from 1 to ${MAX_PAGE_SIZE}; got ${first}. Use pageInfo.endCursor to fetch more.`);
  }
  return first;
}

/** An opaque cursor for keyset pagination: the sort key of the last row, as base64url JSON. */
export const encodeCursor = (position: readonly (string | number)[]): string => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

/** The sort key a cursor from `encodeCursor` holds, of `length` parts; BAD_USER_INPUT for anything else. */
export function decodeCursor(cursor: string, length: number, field = 'after'): Array<string | number> {
  const refuse = () => badUserInput(field, 'The cursor is not one this service gave out; pass pageInfo.endCursor of the previous page.');
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const valid = Array.isArray(position) && position.length === length && position.every((part) => typeof part === 'string' || typeof part === 'number');
  if (!valid || encodeCursor(position as Array<string | number>) !== cursor) throw refuse();
  return position as Array<string | number>;
}

/** One page of a keyset-paginated list, in the shape of the GraphQL connection types. */
export interface Page<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

/**
 * A page from `first + 1` rows fetched in sort order (the extra row only says
 * there is a next page); `positionOf` gives a row's sort key for its cursor.
 */
export function pageOf<T>(rows: readonly T[], first: number, positionOf: (row: T) => Array<string | number>, totalCount: () => Promise<number>): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return { nodes, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
