const UNIQUE_VIOLATION = '23505';

/**
 * True when `error` is PostgreSQL refusing a row that breaks the unique constraint
 * `constraint`: the race a check-then-insert cannot close, caught where it happens.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const failure = error as { code?: string; constraint?: string; driverError?: { constraint?: string } };
  return failure.code === UNIQUE_VIOLATION && (failure.constraint ?? failure.driverError?.constraint) === constraint;
}
