import { CreditProgramme } from '../entities';

/**
 * The VBSP figures the demo dataset reproduces, per district and year.
 *
 * DESIGN.md §5 gives, for 2023: Kông Chro (630) a disbursement turnover (doanh số
 * cho vay) of 99,186 million đồng over 2,486 loans and an outstanding balance (dư
 * nợ) of 190,434 million at 31 December; Ea Súp (646) a turnover of 215,404
 * million. Every other figure here is invented, sized to the district's poor and
 * near-poor households in the registry's demo (services/households/src/seed/areas.ts).
 *
 * Lending in year Y is dated January–September, when the review of Y − 1 is the
 * household's status (reviews are dated October–November); the "2021" lending is
 * December 2021, after the first reviews, so poor-household loans can start then.
 */
export interface YearPlan {
  /** Principal disbursed in the year, đồng (a multiple of 1,000,000). */
  turnover: number;
  /** Loans disbursed in the year. */
  loans: number;
  /** Share of the year's loans per programme (weights; need not add up to 1). */
  mix: Partial<Record<CreditProgramme, number>>;
}

export interface DistrictPlan {
  districtCode: string;
  /** Phòng giao dịch NHCSXH of the district. */
  transactionOffice: string;
  /**
   * Day of the month the office disburses (its fixed transaction day, ngày giao dịch
   * cố định): a handful of dates a year, so a batch asks the registry about few days.
   */
  transactionDay: number;
  years: Partial<Record<2021 | 2022 | 2023 | 2024, YearPlan>>;
  /** Outstanding balance at 31 December of a year that must come out exactly (đồng). */
  outstandingAt?: { year: number; amount: number };
}

const { POOR_HOUSEHOLD, NEAR_POOR_HOUSEHOLD, NEWLY_ESCAPED_HOUSEHOLD, STUDENT, LABOUR_EXPORT, CLEAN_WATER_SANITATION, HOUSING } = CreditProgramme;

/** Poor districts (huyện nghèo): most lending goes to poor households. */
const POOR_DISTRICT_MIX = { [POOR_HOUSEHOLD]: 56, [NEAR_POOR_HOUSEHOLD]: 14, [NEWLY_ESCAPED_HOUSEHOLD]: 10, [HOUSING]: 4, [CLEAN_WATER_SANITATION]: 10, [STUDENT]: 4, [LABOUR_EXPORT]: 2 };
/** Ea Súp lends more to near-poor and newly escaped households, and sends more workers abroad. */
const EA_SUP_MIX = { [POOR_HOUSEHOLD]: 50, [NEAR_POOR_HOUSEHOLD]: 17, [NEWLY_ESCAPED_HOUSEHOLD]: 12, [HOUSING]: 4, [CLEAN_WATER_SANITATION]: 10, [STUDENT]: 4, [LABOUR_EXPORT]: 3 };
const RURAL_MIX = { [POOR_HOUSEHOLD]: 45, [NEAR_POOR_HOUSEHOLD]: 18, [NEWLY_ESCAPED_HOUSEHOLD]: 12, [HOUSING]: 3, [CLEAN_WATER_SANITATION]: 14, [STUDENT]: 6, [LABOUR_EXPORT]: 2 };
const CITY_MIX = { [POOR_HOUSEHOLD]: 30, [NEAR_POOR_HOUSEHOLD]: 30, [NEWLY_ESCAPED_HOUSEHOLD]: 15, [CLEAN_WATER_SANITATION]: 10, [STUDENT]: 15 };

export const CREDIT_PLANS: DistrictPlan[] = [
  {
    // §5: 2023 turnover 99,186 million over 2,486 loans; outstanding 190,434 million at 31 Dec 2023.
    districtCode: '630',
    transactionDay: 10,
    transactionOffice: 'PGD NHCSXH huyện Kông Chro',
    years: {
      2021: { turnover: 38_640_000_000, loans: 960, mix: POOR_DISTRICT_MIX },
      2022: { turnover: 94_350_000_000, loans: 2_410, mix: POOR_DISTRICT_MIX },
      2023: { turnover: 99_186_000_000, loans: 2_486, mix: POOR_DISTRICT_MIX },
      2024: { turnover: 101_520_000_000, loans: 2_452, mix: POOR_DISTRICT_MIX },
    },
    outstandingAt: { year: 2023, amount: 190_434_000_000 },
  },
  {
    // §5: 2023 turnover 215,404 million (about 45 million a loan).
    districtCode: '646',
    transactionDay: 12,
    transactionOffice: 'PGD NHCSXH huyện Ea Súp',
    years: {
      2021: { turnover: 44_100_000_000, loans: 1_050, mix: EA_SUP_MIX },
      2022: { turnover: 198_760_000_000, loans: 4_420, mix: EA_SUP_MIX },
      2023: { turnover: 215_404_000_000, loans: 4_780, mix: EA_SUP_MIX },
      2024: { turnover: 219_850_000_000, loans: 4_600, mix: EA_SUP_MIX },
    },
  },
  {
    // Invented: a city sample with few poor households (its registry demo is a sample too).
    districtCode: '643',
    transactionDay: 8,
    transactionOffice: 'PGD NHCSXH thành phố Buôn Ma Thuột',
    years: {
      2022: { turnover: 2_160_000_000, loans: 48, mix: CITY_MIX },
      2023: { turnover: 2_790_000_000, loans: 62, mix: CITY_MIX },
      2024: { turnover: 2_530_000_000, loans: 55, mix: CITY_MIX },
    },
  },
  {
    // Invented, proportionate to the sample of Đắk Song households in the registry's demo.
    districtCode: '665',
    transactionDay: 15,
    transactionOffice: 'PGD NHCSXH huyện Đắk Song',
    years: {
      2022: { turnover: 23_400_000_000, loans: 520, mix: RURAL_MIX },
      2023: { turnover: 25_760_000_000, loans: 560, mix: RURAL_MIX },
      2024: { turnover: 25_380_000_000, loans: 540, mix: RURAL_MIX },
    },
  },
  {
    // Invented. Châu Đốc has few poor households (34 at the 2022 review, none at 2023's):
    // mostly near-poor, newly escaped, clean water and student loans.
    districtCode: '884',
    transactionDay: 20,
    transactionOffice: 'PGD NHCSXH thành phố Châu Đốc',
    years: {
      2022: { turnover: 6_300_000_000, loans: 150, mix: { [POOR_HOUSEHOLD]: 10, [NEAR_POOR_HOUSEHOLD]: 35, [NEWLY_ESCAPED_HOUSEHOLD]: 20, [CLEAN_WATER_SANITATION]: 25, [STUDENT]: 10 } },
      2023: { turnover: 5_460_000_000, loans: 128, mix: { [POOR_HOUSEHOLD]: 8, [NEAR_POOR_HOUSEHOLD]: 34, [NEWLY_ESCAPED_HOUSEHOLD]: 24, [CLEAN_WATER_SANITATION]: 24, [STUDENT]: 10 } },
      2024: { turnover: 4_150_000_000, loans: 96, mix: { [NEAR_POOR_HOUSEHOLD]: 35, [NEWLY_ESCAPED_HOUSEHOLD]: 28, [CLEAN_WATER_SANITATION]: 25, [STUDENT]: 12 } },
    },
  },
];

/** The years the dataset lends in. */
export const PLAN_YEARS = [2021, 2022, 2023, 2024] as const;

/** The last day repayments run to. */
export const HORIZON = '2024-12-31';
