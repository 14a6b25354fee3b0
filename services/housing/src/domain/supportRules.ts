import { HousingKind, HousingSource } from '../entities/HousingSupport';
import { PovertyStatus, type SupportRule } from '../entities/SupportRule';

const { NEW_BUILD, REPAIR } = HousingKind;
const { POOR, NEAR_POOR, NEWLY_ESCAPED } = PovertyStatus;

type Rule = Pick<SupportRule, 'source' | 'kind' | 'validFrom' | 'validTo' | 'maxGrant' | 'qualifyingStatuses' | 'requiresPoorDistrict' | 'legalBasis'>;

const rule = (source: HousingSource, kind: HousingKind, validFrom: string, maxGrant: number | null, qualifyingStatuses: PovertyStatus[], requiresPoorDistrict: boolean, legalBasis: string): Rule => ({
  source,
  kind,
  validFrom,
  validTo: null,
  maxGrant,
  qualifyingStatuses,
  requiresPoorDistrict,
  legalBasis,
});

/**
 * The rules seeded by the migration. Later decisions add rows (closing the old
 * row's valid_to); nothing in the code depends on these figures.
 *
 * ASSUMED (no source text at hand, to be confirmed by the housing boards):
 * - PROGRAMME_167: one 25,000,000 đ cap for both kinds, POOR only, open-ended from
 *   2015-01-01 (Decision 33/2015 actually lends up to 25M through VBSP; phase 2 ran to 2020);
 * - FUND_FOR_THE_POOR: 70,000,000 đ new build and 35,000,000 đ repair, from 2015-01-01;
 * - DONOR and OTHER: no cap, from 2015-01-01.
 * Dự án 5 (40M new build, 20M repair, poor or near-poor in poor districts) is from Decision 90/QĐ-TTg.
 */
export const INITIAL_RULES: readonly Rule[] = [
  rule(HousingSource.NTP_PROJECT_5, NEW_BUILD, '2022-01-01', 40_000_000, [POOR, NEAR_POOR], true, 'Decision 90/QĐ-TTg (2022), Dự án 5'),
  rule(HousingSource.NTP_PROJECT_5, REPAIR, '2022-01-01', 20_000_000, [POOR, NEAR_POOR], true, 'Decision 90/QĐ-TTg (2022), Dự án 5'),
  rule(HousingSource.PROGRAMME_167, NEW_BUILD, '2015-01-01', 25_000_000, [POOR], false, 'Decision 33/2015/QĐ-TTg (programme 167, phase 2); cap assumed'),
  rule(HousingSource.PROGRAMME_167, REPAIR, '2015-01-01', 25_000_000, [POOR], false, 'Decision 33/2015/QĐ-TTg (programme 167, phase 2); cap assumed'),
  rule(HousingSource.FUND_FOR_THE_POOR, NEW_BUILD, '2015-01-01', 70_000_000, [POOR, NEAR_POOR, NEWLY_ESCAPED], false, 'Quỹ Vì người nghèo; cap and start assumed'),
  rule(HousingSource.FUND_FOR_THE_POOR, REPAIR, '2015-01-01', 35_000_000, [POOR, NEAR_POOR, NEWLY_ESCAPED], false, 'Quỹ Vì người nghèo; cap and start assumed'),
  rule(HousingSource.DONOR, NEW_BUILD, '2015-01-01', null, [POOR, NEAR_POOR, NEWLY_ESCAPED], false, "The donor's own terms; start assumed"),
  rule(HousingSource.DONOR, REPAIR, '2015-01-01', null, [POOR, NEAR_POOR, NEWLY_ESCAPED], false, "The donor's own terms; start assumed"),
  rule(HousingSource.OTHER, NEW_BUILD, '2015-01-01', null, [POOR, NEAR_POOR, NEWLY_ESCAPED], false, 'Terms of the funding body; start assumed'),
  rule(HousingSource.OTHER, REPAIR, '2015-01-01', null, [POOR, NEAR_POOR, NEWLY_ESCAPED], false, 'Terms of the funding body; start assumed'),
];

type Dated = Pick<SupportRule, 'source' | 'kind' | 'validFrom' | 'validTo'>;

/** The rule for (source, kind) in force on `day`; the latest start wins should periods overlap. */
export function ruleInForce<T extends Dated>(rules: readonly T[], source: HousingSource, kind: HousingKind, day: string): T | undefined {
  return rules
    .filter((r) => r.source === source && r.kind === kind && r.validFrom <= day && (r.validTo === null || r.validTo >= day))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

/** "40,000,000 đồng". */
export const formatDong = (amount: number) => `${amount.toLocaleString('en-US')} đồng`;

/** Why a grant cannot be approved under `rule`, or null when it can. */
export function grantProblem(rule: Pick<SupportRule, 'source' | 'kind' | 'validFrom' | 'maxGrant'>, amount: number): string | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return `The grant must be a whole number of đồng, more than 0; got ${amount}.`;
  if (rule.maxGrant !== null && amount > rule.maxGrant) {
    return `The grant of ${formatDong(amount)} is over the cap of ${formatDong(rule.maxGrant)} for ${rule.kind} support from ${rule.source} (rule in force since ${rule.validFrom}); approve at most ${formatDong(rule.maxGrant)}.`;
  }
  return null;
}

/** What the registry says about a household on the approval day. */
export interface HouseholdFacts {
  code: string;
  communeCode: string;
  /** Status in force on `statusOn`; null when the household has no review by then. */
  status: PovertyStatus | null;
  statusOn: string;
  inPoorDistrict: boolean;
}

export type IneligibilityReason = 'POVERTY_STATUS' | 'POOR_DISTRICT';

export interface Ineligibility {
  reason: IneligibilityReason;
  message: string;
}

/** Every condition of `rule` the household fails (empty when it qualifies). */
export function ineligibilities(rule: Pick<SupportRule, 'source' | 'kind' | 'qualifyingStatuses' | 'requiresPoorDistrict'>, household: HouseholdFacts): Ineligibility[] {
  const problems: Ineligibility[] = [];
  if (household.status === null || !rule.qualifyingStatuses.includes(household.status)) {
    const status = household.status === null ? `not known (no poverty review on or before ${household.statusOn})` : `${household.status} on ${household.statusOn}`;
    problems.push({ reason: 'POVERTY_STATUS', message: `its status is ${status}, and ${rule.source} ${rule.kind} support requires ${rule.qualifyingStatuses.join(' or ')}` });
  }
  if (rule.requiresPoorDistrict && !household.inPoorDistrict) {
    problems.push({ reason: 'POOR_DISTRICT', message: `its commune ${household.communeCode} is not in a poor district (huyện nghèo), which ${rule.source} requires` });
  }
  return problems;
}
