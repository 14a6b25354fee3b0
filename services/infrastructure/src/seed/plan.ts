import { WorkCategory } from '../entities';

/**
 * The Dự án 1 demo figures per district and programme year: what the generator
 * reproduces exactly and the graph must answer for `AdminUnit.infrastructure(year)`.
 *
 * Dự án 1 (Decision 90/QĐ-TTg, DESIGN.md §2) builds infrastructure in poor districts
 * and in communes of especially difficult areas (xã đặc biệt khó khăn) elsewhere.
 * Of the five areas of DESIGN.md §5, Kông Chro (630) and Ea Súp (646) are poor
 * districts (Decision 353/QĐ-TTg); Đắk Song (665) is not, but three of its communes
 * are especially difficult; Buôn Ma Thuột (643) and Châu Đốc (884) are cities with
 * neither (Châu Đốc had no poor household left at the 2023 review), so they have no
 * Dự án 1 works.
 */

/** What a new work builds: its category and how its name reads. */
export enum WorkType {
  ROAD = 'ROAD',
  BRIDGE = 'BRIDGE',
  SCHOOL = 'SCHOOL',
  IRRIGATION = 'IRRIGATION',
  CLEAN_WATER = 'CLEAN_WATER',
  CULTURAL_HOUSE = 'CULTURAL_HOUSE',
  ELECTRICITY = 'ELECTRICITY',
  HEALTH_STATION = 'HEALTH_STATION',
}

/** The category each type is filed under (a bridge is a ROAD work: giao thông). */
export const CATEGORY_OF: Record<WorkType, WorkCategory> = {
  [WorkType.ROAD]: WorkCategory.ROAD,
  [WorkType.BRIDGE]: WorkCategory.ROAD,
  [WorkType.SCHOOL]: WorkCategory.SCHOOL,
  [WorkType.IRRIGATION]: WorkCategory.IRRIGATION,
  [WorkType.CLEAN_WATER]: WorkCategory.CLEAN_WATER,
  [WorkType.CULTURAL_HOUSE]: WorkCategory.CULTURAL_HOUSE,
  [WorkType.ELECTRICITY]: WorkCategory.ELECTRICITY,
  [WorkType.HEALTH_STATION]: WorkCategory.HEALTH_STATION,
};

/** One district's Dự án 1 in one programme year. */
export interface YearPlan {
  /** New works (công trình đầu tư mới) by type; their count is `works` in the report. */
  newWorks: Partial<Record<WorkType, number>>;
  /** Development-investment capital (vốn đầu tư phát triển) of the new works together, đồng. */
  investmentCapital: number;
  /** Road-maintenance works (duy tu, bảo dưỡng đường giao thông). */
  maintenanceWorks: number;
  /** Recurrent capital (vốn sự nghiệp) of the maintenance works together, đồng. */
  recurrentCapital: number;
}

export interface DistrictPlan {
  districtCode: string;
  /** Chủ đầu tư of the new works; a maintenance work is the commune's (UBND xã). */
  investor: string;
  /** Village word in work names (làng, thôn, buôn, bon) and communes that use another. */
  villageWord: string;
  otherVillageWord?: { word: string; communes: string[] };
  /** Only these communes get works (the especially difficult ones); every commune when absent. */
  communes?: string[];
  years: Record<number, YearPlan>;
}

const MILLION = 1_000_000;

export const PLANS: DistrictPlan[] = [
  {
    // Poor district (huyện nghèo). 2023 investment capital 54,532 million: DESIGN.md §5
    // (Kông Chro's 2023 year-end report); 9 new works — roads, a bridge, a school and
    // irrigation. The other figures are invented, in proportion to the district's poor households.
    districtCode: '630',
    investor: 'Ban QLDA đầu tư xây dựng huyện Kông Chro',
    villageWord: 'làng',
    years: {
      2021: { newWorks: { ROAD: 3, IRRIGATION: 1, CLEAN_WATER: 1 }, investmentCapital: 31_200 * MILLION, maintenanceWorks: 2, recurrentCapital: 1_150 * MILLION },
      2022: { newWorks: { ROAD: 3, BRIDGE: 1, SCHOOL: 1, IRRIGATION: 1, CULTURAL_HOUSE: 1 }, investmentCapital: 46_850 * MILLION, maintenanceWorks: 3, recurrentCapital: 1_980 * MILLION },
      2023: { newWorks: { ROAD: 4, BRIDGE: 1, SCHOOL: 1, IRRIGATION: 3 }, investmentCapital: 54_532 * MILLION, maintenanceWorks: 4, recurrentCapital: 2_640 * MILLION },
      2024: { newWorks: { ROAD: 4, SCHOOL: 1, IRRIGATION: 1, CLEAN_WATER: 1, ELECTRICITY: 1 }, investmentCapital: 58_300 * MILLION, maintenanceWorks: 4, recurrentCapital: 2_900 * MILLION },
    },
  },
  {
    // Poor district. 2023: investment 80,668 million + recurrent 7,200 million over 7 new
    // works (6 roads, 1 school) and 7 road-maintenance works: DESIGN.md §5 (Ea Súp's
    // 2023 report). Other years invented, in proportion to its poor households.
    districtCode: '646',
    investor: 'Ban QLDA đầu tư xây dựng huyện Ea Súp',
    villageWord: 'thôn',
    otherVillageWord: { word: 'buôn', communes: ['24311', '24316', '24319'] },
    years: {
      2021: { newWorks: { ROAD: 4, IRRIGATION: 1 }, investmentCapital: 52_400 * MILLION, maintenanceWorks: 4, recurrentCapital: 3_600 * MILLION },
      2022: { newWorks: { ROAD: 4, SCHOOL: 1, CLEAN_WATER: 1 }, investmentCapital: 71_250 * MILLION, maintenanceWorks: 6, recurrentCapital: 5_850 * MILLION },
      2023: { newWorks: { ROAD: 6, SCHOOL: 1 }, investmentCapital: 80_668 * MILLION, maintenanceWorks: 7, recurrentCapital: 7_200 * MILLION },
      2024: { newWorks: { ROAD: 5, BRIDGE: 1, HEALTH_STATION: 1 }, investmentCapital: 84_900 * MILLION, maintenanceWorks: 6, recurrentCapital: 6_900 * MILLION },
    },
  },
  {
    // Not a poor district: Dự án 1 reaches only its especially difficult communes
    // (Đắk N’Drung, Nâm N’Jang, Trường Xuân), from 2022 when the programme's capital
    // was first allocated there. Invented figures: a few small water, power and community works.
    districtCode: '665',
    investor: 'Ban QLDA và phát triển quỹ đất huyện Đắk Song',
    villageWord: 'thôn',
    otherVillageWord: { word: 'bon', communes: ['24685', '24687'] },
    communes: ['24685', '24687', '24688'],
    years: {
      2022: { newWorks: { CLEAN_WATER: 1, ROAD: 1 }, investmentCapital: 9_800 * MILLION, maintenanceWorks: 0, recurrentCapital: 0 },
      2023: { newWorks: { ELECTRICITY: 1, CULTURAL_HOUSE: 1 }, investmentCapital: 11_400 * MILLION, maintenanceWorks: 1, recurrentCapital: 450 * MILLION },
      2024: { newWorks: { ROAD: 1, CLEAN_WATER: 1 }, investmentCapital: 12_100 * MILLION, maintenanceWorks: 1, recurrentCapital: 500 * MILLION },
    },
  },
];
