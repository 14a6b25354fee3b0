import { CreditProgramme, PovertyStatus } from '../entities/ProgrammeRule';

/** A programme rule as the first migration stores it. */
export interface ProgrammeRuleSeed {
  programme: CreditProgramme;
  validFrom: string;
  validTo: string | null;
  annualRate: number;
  overdueRatePercentOfNormal: number;
  maxPrincipalPerHousehold: number;
  maxTermMonths: number;
  qualifyingStatuses: PovertyStatus[];
  legalBasis: string;
}

const { POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING } = PovertyStatus;

/**
 * VBSP is lent at 130 % of the normal rate once overdue (lãi suất nợ quá hạn bằng
 * 130 % lãi suất khi cho vay), for every programme on record.
 */
const OVERDUE_PERCENT = 130;

/** All the rules below apply from this day (the 2016–2020 programme period) until replaced. */
const FROM = '2016-01-01';

/**
 * The programme rules seeded by the second migration. Later changes of rate, cap or
 * term are new rows (close the old one with valid_to), never code.
 *
 * Approximations, stated so that nobody reads them as quotations of the texts:
 * - Every rule starts on 2016-01-01 with today's figures, although several caps
 *   and rates were set or raised by decisions of later years; the clean-water cap of
 *   25 million đồng is per works type in the texts, per household here.
 * - The near-poor rate is 120 % of the poor-household rate (7.92 %) and the
 *   newly-escaped rate 125 % of it (8.25 %), rounded as VBSP publishes them.
 * - STUDENT and LABOUR_EXPORT caps are per household here; the decisions set them
 *   per student per month and per worker by destination.
 * - The qualifying statuses are the registry statuses that stand for each
 *   programme's target group; special groups (ethnic minorities, relatives of
 *   people with merit, …) are not modelled.
 */
export const INITIAL_PROGRAMME_RULES: readonly ProgrammeRuleSeed[] = [
  {
    programme: CreditProgramme.POOR_HOUSEHOLD,
    validFrom: FROM,
    validTo: null,
    annualRate: 6.6,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 100_000_000,
    maxTermMonths: 120,
    qualifyingStatuses: [POOR],
    legalBasis: 'Nghị định 78/2002/NĐ-CP (tín dụng đối với người nghèo)',
  },
  {
    programme: CreditProgramme.NEAR_POOR_HOUSEHOLD,
    validFrom: FROM,
    validTo: null,
    annualRate: 7.92,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 100_000_000,
    maxTermMonths: 120,
    qualifyingStatuses: [NEAR_POOR],
    legalBasis: 'Quyết định 15/2013/QĐ-TTg (tín dụng đối với hộ cận nghèo)',
  },
  {
    programme: CreditProgramme.NEWLY_ESCAPED_HOUSEHOLD,
    validFrom: FROM,
    validTo: null,
    annualRate: 8.25,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 100_000_000,
    maxTermMonths: 60,
    qualifyingStatuses: [NEWLY_ESCAPED],
    legalBasis: 'Quyết định 28/2015/QĐ-TTg (tín dụng đối với hộ mới thoát nghèo)',
  },
  {
    programme: CreditProgramme.STUDENT,
    validFrom: FROM,
    validTo: null,
    annualRate: 6.6,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 40_000_000,
    maxTermMonths: 120,
    qualifyingStatuses: [POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING],
    legalBasis: 'Quyết định 157/2007/QĐ-TTg (tín dụng đối với học sinh, sinh viên)',
  },
  {
    programme: CreditProgramme.LABOUR_EXPORT,
    validFrom: FROM,
    validTo: null,
    annualRate: 6.6,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 100_000_000,
    maxTermMonths: 60,
    qualifyingStatuses: [POOR, NEAR_POOR, NEWLY_ESCAPED],
    legalBasis: 'Nghị định 61/2015/NĐ-CP (người lao động đi làm việc ở nước ngoài theo hợp đồng)',
  },
  {
    programme: CreditProgramme.CLEAN_WATER_SANITATION,
    validFrom: FROM,
    validTo: null,
    annualRate: 9,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 25_000_000,
    maxTermMonths: 60,
    qualifyingStatuses: [],
    legalBasis: 'Quyết định 62/2004/QĐ-TTg (nước sạch và vệ sinh môi trường nông thôn)',
  },
  {
    programme: CreditProgramme.HOUSING,
    validFrom: FROM,
    validTo: null,
    annualRate: 3,
    overdueRatePercentOfNormal: OVERDUE_PERCENT,
    maxPrincipalPerHousehold: 25_000_000,
    maxTermMonths: 180,
    qualifyingStatuses: [POOR],
    legalBasis: 'Quyết định 33/2015/QĐ-TTg (hỗ trợ nhà ở đối với hộ nghèo)',
  },
];
