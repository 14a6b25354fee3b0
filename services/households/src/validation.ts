import { badUserInput } from '@povgraph/errors';
import { standardForYear } from './domain/classify';
import type { PovertyStandard } from './entities';
export { isUuid, todayInVietnam, requireText, requireIntegerInRange, requireNotInFuture, requireMoney } from '@povgraph/validation';

/** The standard in force for `year`, or BAD_USER_INPUT naming the years that are covered. */
export function requireStandardFor(field: string, year: number, standards: readonly PovertyStandard[]): PovertyStandard {
  const standard = standardForYear(standards, year);
  if (!standard) {
    const periods = [...standards].sort((a, b) => a.fromYear - b.fromYear).map((s) => `${s.fromYear}–${s.toYear}`);
    throw badUserInput(field, `No poverty standard covers ${year}; the standards on record cover ${periods.join(', ')}.`);
  }
  return standard;
}
