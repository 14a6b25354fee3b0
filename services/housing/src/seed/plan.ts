import { HousingSource, PovertyStatus } from '../entities';

const { NTP_PROJECT_5, PROGRAMME_167, FUND_FOR_THE_POOR, DONOR, OTHER } = HousingSource;
const { POOR, NEAR_POOR, NEWLY_ESCAPED } = PovertyStatus;

/**
 * One line of a district's housing report for a year: supports approved from one
 * source for households the previous year's review put in `from` (approvals of
 * January–September of year Y see the review of Y−1, held in October–November).
 */
export interface SupportLine {
  source: HousingSource;
  /** Statuses in the review of Y−1 the households are drawn from; each must qualify under the source's rule. */
  from: PovertyStatus[];
  newBuilds: number;
  repairs: number;
  /** Total of the grants when the report gives it (whole đồng); otherwise each grant is drawn within the source's usual range. */
  amount?: number;
  /** Further supports approved in the year and cancelled the same year (not in the figures above). */
  cancelled?: number;
}

/** Housing supports of one district in one year; the figures a report of the year reads back (supports cancelled excluded). */
export interface YearPlan {
  districtCode: string;
  year: number;
  lines: SupportLine[];
}

/** Dự án 5 grants are the rule's caps (Decision 90/QĐ-TTg): 40M to build, 20M to repair. */
export const PROJECT_5_GRANT = { NEW_BUILD: 40_000_000, REPAIR: 20_000_000 } as const;

const line = (source: HousingSource, from: PovertyStatus[], newBuilds: number, repairs: number, extra: Pick<SupportLine, 'amount' | 'cancelled'> = {}): SupportLine => ({ source, from, newBuilds, repairs, ...extra });

/**
 * The housing dataset, per district and year (DESIGN.md §5 where it gives a figure;
 * elsewhere invented, sized to the district's poor households). Approvals start in
 * 2022: the first reviews are of 2021, and Dự án 5's rules apply from 2022-01-01.
 * Dự án 5 serves only the poor districts (Kông Chro 630, Ea Súp 646); programme 167
 * only poor households.
 */
export const HOUSING_PLAN: YearPlan[] = [
  // Kông Chro (630), a poor district: 5,001 poor households at the 2022 review.
  { districtCode: '630', year: 2022, lines: [line(NTP_PROJECT_5, [POOR, NEAR_POOR], 410, 260, { cancelled: 4 }), line(DONOR, [POOR], 6, 3)] },
  // §5: "12 houses built or repaired from donor funds" in 2023.
  { districtCode: '630', year: 2023, lines: [line(NTP_PROJECT_5, [POOR, NEAR_POOR], 520, 340), line(DONOR, [POOR, NEAR_POOR], 8, 4)] },
  { districtCode: '630', year: 2024, lines: [line(NTP_PROJECT_5, [POOR, NEAR_POOR], 380, 270, { cancelled: 3 }), line(DONOR, [POOR, NEAR_POOR], 6, 4)] },

  // Ea Súp (646), a poor district.
  { districtCode: '646', year: 2022, lines: [line(NTP_PROJECT_5, [POOR, NEAR_POOR], 390, 250, { cancelled: 5 }), line(FUND_FOR_THE_POOR, [POOR], 2, 0)] },
  // §5: "Dự án 5: 900 households approved, 564 new builds and 336 repairs; Fund for the Poor: 3 new houses, 202.5 million VND".
  // Dự án 5 at the caps: 564 × 40M + 336 × 20M = 29,280,000,000 đồng. Nothing else in 2023, so the report reads 900 + 3.
  {
    districtCode: '646',
    year: 2023,
    lines: [line(NTP_PROJECT_5, [POOR, NEAR_POOR], 564, 336), line(FUND_FOR_THE_POOR, [POOR], 3, 0, { amount: 202_500_000 })],
  },
  { districtCode: '646', year: 2024, lines: [line(NTP_PROJECT_5, [POOR, NEAR_POOR], 430, 290, { cancelled: 3 }), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 3, 1)] },

  // Châu Đốc (884), not a poor district: no Dự án 5. 2021 review: 96 poor, 512 near-poor.
  {
    districtCode: '884',
    year: 2022,
    lines: [line(PROGRAMME_167, [POOR], 6, 4), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 5, 9), line(OTHER, [POOR, NEAR_POOR], 2, 6, { cancelled: 1 })],
  },
  // §5: "27 houses built or repaired for poor / near-poor households and 4 new houses for newly-escaped households"
  // (2022 review: 34 poor, 334 near-poor): 6 + 12 + 9 = 27, and 4 Fund new builds for newly escaped → 31 supports.
  {
    districtCode: '884',
    year: 2023,
    lines: [
      line(PROGRAMME_167, [POOR], 3, 3),
      line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 4, 8),
      line(OTHER, [POOR, NEAR_POOR], 2, 7),
      line(FUND_FOR_THE_POOR, [NEWLY_ESCAPED], 4, 0),
    ],
  },
  // 2023 review: no poor household left, 142 near-poor.
  { districtCode: '884', year: 2024, lines: [line(FUND_FOR_THE_POOR, [NEAR_POOR], 2, 4), line(OTHER, [NEAR_POOR], 1, 4), line(FUND_FOR_THE_POOR, [NEWLY_ESCAPED], 3, 0)] },

  // Buôn Ma Thuột (643), a city: a few supports a year.
  { districtCode: '643', year: 2022, lines: [line(PROGRAMME_167, [POOR], 2, 3), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 3, 4), line(OTHER, [NEAR_POOR], 1, 3)] },
  { districtCode: '643', year: 2023, lines: [line(PROGRAMME_167, [POOR], 2, 2), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 2, 4), line(DONOR, [POOR, NEAR_POOR], 1, 2)] },
  { districtCode: '643', year: 2024, lines: [line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 2, 3), line(OTHER, [POOR, NEAR_POOR], 1, 3, { cancelled: 1 })] },

  // Đắk Song (665), not a poor district: about 2,500–3,000 poor households a year.
  { districtCode: '665', year: 2022, lines: [line(PROGRAMME_167, [POOR], 12, 8), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 6, 8), line(DONOR, [POOR, NEAR_POOR], 5, 3)] },
  {
    districtCode: '665',
    year: 2023,
    lines: [line(PROGRAMME_167, [POOR], 10, 8), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 5, 7), line(DONOR, [POOR, NEAR_POOR], 4, 2), line(OTHER, [POOR, NEAR_POOR], 2, 3)],
  },
  { districtCode: '665', year: 2024, lines: [line(PROGRAMME_167, [POOR], 8, 7, { cancelled: 2 }), line(FUND_FOR_THE_POOR, [POOR, NEAR_POOR], 4, 6), line(DONOR, [POOR, NEAR_POOR], 3, 2)] },
];

/** The districts the plan covers, in plan order. */
export const PLAN_DISTRICTS: readonly string[] = [...new Set(HOUSING_PLAN.map((plan) => plan.districtCode))];

/** A registry pool the plan draws from: a district's households by review year and status, and how many the plan may take from it. */
export interface PoolNeed {
  districtCode: string;
  year: number;
  status: PovertyStatus;
  /** Supports of the lines drawing on the pool (a line of two statuses counts in both). */
  demand: number;
}

export function poolsNeeded(plans: readonly YearPlan[] = HOUSING_PLAN): PoolNeed[] {
  const needs = new Map<string, PoolNeed>();
  for (const { districtCode, year, lines } of plans) {
    for (const l of lines) {
      for (const status of l.from) {
        const key = `${districtCode}|${year - 1}|${status}`;
        if (!needs.has(key)) needs.set(key, { districtCode, year: year - 1, status, demand: 0 });
        needs.get(key)!.demand += l.newBuilds + l.repairs + (l.cancelled ?? 0);
      }
    }
  }
  return [...needs.values()];
}
