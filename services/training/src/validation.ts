import { badUserInput } from '@povgraph/errors';
export { isUuid, todayInVietnam, requireText, requireIntegerInRange, requireNotInFuture, requireMoney, requirePositiveMoney, requireYear, FIRST_YEAR, LAST_YEAR } from '@povgraph/validation';

const COMMUNE_CODE = /^\d{5}$/;

/** Courses and fairs happen in a commune (5 digits), not in a district or province. */
export function requireCommuneCode(field: string, code: string, what: string): string {
  if (!COMMUNE_CODE.test(code)) throw badUserInput(field, `${what} is held in a commune: give the commune's 5-digit code, not ${code} (a ${code.length === 2 ? 'province' : 'district'}).`);
  return code;
}
