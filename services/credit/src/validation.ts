import { badUserInput } from '@povgraph/errors';
export { isUuid, todayInVietnam, requireText, requireNotInFuture, requirePositiveMoney } from '@povgraph/validation';

export const IDEMPOTENCY_KEY_LENGTH = { min: 8, max: 100 } as const;

/** The client's idempotency key: 8–100 characters, taken as sent (no trimming: it is an identifier). */
export function requireIdempotencyKey(field: string, key: string): string {
  const { min, max } = IDEMPOTENCY_KEY_LENGTH;
  if (key.length < min || key.length > max) {
    throw badUserInput(field, `The idempotency key must be ${min}–${max} characters (for example a UUID made once per form); it has ${key.length}.`);
  }
  return key;
}

