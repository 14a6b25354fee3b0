import { PovertyStatus } from '../entities/Assessment';
import { AreaType } from '../entities/Household';
import type { PovertyStandard } from '../entities/PovertyStandard';

export interface ClassificationInput {
  incomePerPersonMonthly: number;
  lackingCount: number;
  areaType: AreaType;
  agricultural: boolean;
  /** Statuses from the household's reviews of the three previous years. */
  previousStatuses: readonly PovertyStatus[];
}

type StandardRule = Pick<PovertyStandard, 'minLackingForPoor' | 'ruralLines' | 'urbanLines'>;

const WAS_POOR_OR_NEAR_POOR = new Set([PovertyStatus.POOR, PovertyStatus.NEAR_POOR]);

/**
 * Classifies one review by a standard. The rule's shape is the same for every
 * standard; the numbers are data:
 * - income ≤ poorIncomeLine (only the 2016–2020 standard has one) → POOR;
 * - income ≤ incomeLine → POOR when lacking ≥ minLackingForPoor indicators, else NEAR_POOR;
 * - above the line: NEWLY_ESCAPED if POOR or NEAR_POOR in one of the three previous
 *   reviews, else AVERAGE_LIVING for agricultural households up to averageLivingLine,
 *   else NOT_POOR.
 */
export function classify(input: ClassificationInput, standard: StandardRule): PovertyStatus {
  const lines = input.areaType === AreaType.URBAN ? standard.urbanLines : standard.ruralLines;
  const income = input.incomePerPersonMonthly;
  if (lines.poorIncomeLine !== null && income <= lines.poorIncomeLine) return PovertyStatus.POOR;
  if (income <= lines.incomeLine) {
    return input.lackingCount >= standard.minLackingForPoor ? PovertyStatus.POOR : PovertyStatus.NEAR_POOR;
  }
  if (input.previousStatuses.some((status) => WAS_POOR_OR_NEAR_POOR.has(status))) return PovertyStatus.NEWLY_ESCAPED;
  if (input.agricultural && income <= lines.averageLivingLine) return PovertyStatus.AVERAGE_LIVING;
  return PovertyStatus.NOT_POOR;
}

/** The standard in force for a review year, or undefined when none covers it. */
export function standardForYear<T extends Pick<PovertyStandard, 'fromYear' | 'toYear'>>(standards: readonly T[], year: number): T | undefined {
  return standards.find((standard) => standard.fromYear <= year && year <= standard.toYear);
}
