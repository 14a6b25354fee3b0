import { randomSource, type Random } from '@povgraph/demo';
import { AdminLevel, AreaType, type AdminUnit, type AdminUnitSuccession } from '../entities';
import { standardForYear } from '../domain/classify';
import { INITIAL_STANDARDS } from '../domain/standards';
import type { RecordAssessmentInput, RegisterHouseholdInput } from '../generated/resolvers';
import { DISTRICTS, MERGED_PROVINCES, PROVINCES, REVIEW_PLANS, type CommuneSpec, type ReviewPlan } from './areas';



const REFORM_DAY = '2025-07-01';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';
const SINCE = '2004-01-01';

type UnitRow = Pick<AdminUnit, 'code' | 'validFrom' | 'validTo' | 'name' | 'level' | 'parentCode'> & { poorDistrict?: boolean };
type SuccessionRow = Pick<AdminUnitSuccession, 'fromCode' | 'toCode' | 'effectiveOn' | 'note'>;

/** Units before and after the 2025 reform, and the crosswalk between them. */
export function demoUnits(): { units: UnitRow[]; successions: SuccessionRow[] } {
  const units: UnitRow[] = [];
  const successions: SuccessionRow[] = [];
  const note = 'Sắp xếp đơn vị hành chính 2025 (chính quyền địa phương hai cấp)';
  for (const province of PROVINCES) {
    units.push({ code: province.code, validFrom: SINCE, validTo: province.until, name: province.name, level: AdminLevel.PROVINCE, parentCode: null });
    if (province.mergedInto) successions.push({ fromCode: province.code, toCode: province.mergedInto, effectiveOn: REFORM_DAY, note });
  }
  for (const merged of MERGED_PROVINCES) {
    units.push({ code: merged.code, validFrom: SINCE, validTo: LAST_DAY_BEFORE_REFORM, name: merged.before, level: AdminLevel.PROVINCE, parentCode: null });
    units.push({ code: merged.code, validFrom: REFORM_DAY, validTo: null, name: merged.after, level: AdminLevel.PROVINCE, parentCode: null });
  }
  const provinceAfterReform = (code: string) => PROVINCES.find((p) => p.code === code)?.mergedInto ?? code;
  for (const district of DISTRICTS) {
    units.push({ code: district.code, validFrom: SINCE, validTo: LAST_DAY_BEFORE_REFORM, name: district.name, level: AdminLevel.DISTRICT, parentCode: district.provinceCode, poorDistrict: district.poorDistrict });
    for (const c of district.communes) {
      units.push({ code: c.code, validFrom: SINCE, validTo: LAST_DAY_BEFORE_REFORM, name: c.name, level: AdminLevel.COMMUNE, parentCode: district.code });
    }
    for (const successor of district.after2025) {
      units.push({ code: successor.code, validFrom: REFORM_DAY, validTo: null, name: successor.name, level: AdminLevel.COMMUNE, parentCode: provinceAfterReform(district.provinceCode) });
      for (const old of successor.takesOver) successions.push({ fromCode: old, toCode: successor.code, effectiveOn: REFORM_DAY, note });
    }
  }
  return { units, successions };
}

const FAMILY_NAMES: Record<string, string[]> = {
  Làng: ['Đinh', 'Rơ Châm', 'Ksor', 'Siu', 'Nay', 'Rah Lan', 'Puih'],
  Buôn: ['Y', 'H’', 'Ksơr', 'Niê', 'Mlô', 'Êban', 'Nguyễn', 'Trần'],
  Bon: ['Điểu', 'Thị', 'Nguyễn', 'Lê', 'Trần', 'Phạm'],
  default: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương'],
};
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc'];
const GIVEN = ['Hmơ', 'Blơi', 'Hyun', 'Nhung', 'Lan', 'Hùng', 'Dũng', 'Hoa', 'Tâm', 'Phúc', 'Sang', 'Mai', 'Bình', 'An', 'Khánh', 'Thảo', 'Tuấn', 'Hiền'];
const VILLAGES = ['1', '2', '3', '4', '5', 'Tơ Pơ', 'Brăng', 'Hle', 'Kuao', 'Mới', 'Đoàn Kết', 'Tân Lập'];

interface PlannedHousehold {
  input: RegisterHouseholdInput;
  /** Wealth score; the lowest-scoring households of a year are its poor. */
  score: (year: number) => number;
}

function plannedHouseholds(plan: ReviewPlan, communes: CommuneSpec[], random: Random): PlannedHousehold[] {
  const years = Object.keys(plan.years).map(Number).sort();
  const count = Math.max(...years.map((year) => plan.years[year]!.total));
  const reviewedFrom = (i: number) => years.find((year) => i < plan.years[year]!.total)!;
  return Array.from({ length: count }, (_, i) => {
    const c = communes[i % communes.length]!;
    const firstYear = reviewedFrom(i);
    const registeredYear = firstYear === years[0] ? random.int(2008, firstYear - 1) : firstYear;
    const ethnicMinority = c.villageWord === 'Làng' || c.villageWord === 'Buôn' || c.villageWord === 'Bon' ? random.next() < 0.8 : random.next() < 0.05;
    const family = FAMILY_NAMES[c.villageWord] ?? FAMILY_NAMES['default']!;
    const base = random.next();
    const trend = (random.next() - 0.3) * 0.08;
    const noise = years.map(() => (random.next() - 0.5) * 0.12);
    return {
      input: {
        code: `${plan.prefix}-${c.code}-${String(i + 1).padStart(6, '0')}`,
        headName: `${random.pick(family)} ${random.pick(MIDDLE)} ${random.pick(GIVEN)}`,
        nationalId: `0${c.code.slice(0, 2)}${random.int(0, 1) ? '0' : '1'}${String(random.int(40, 99))}${String(random.int(0, 999999)).padStart(6, '0')}`,
        communeCode: c.code,
        village: `${c.villageWord} ${random.pick(VILLAGES)}`,
        areaType: c.areaType,
        members: random.int(1, 8),
        ethnicMinority,
        withoutLabourCapacity: random.next() < 0.03,
        agricultural: c.areaType === AreaType.RURAL ? random.next() < 0.75 : random.next() < 0.1,
        registeredOn: `${registeredYear}-${String(random.int(1, 10)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      },
      score: (year: number) => base + trend * (year - years[0]!) + noise[years.indexOf(year)]!,
    };
  });
}

function reviewFor(householdId: string, areaType: string, year: number, status: 'POOR' | 'NEAR_POOR' | 'OTHER', random: Random): RecordAssessmentInput {
  const standard = standardForYear(INITIAL_STANDARDS, year)!;
  const lines = areaType === AreaType.URBAN ? standard.urbanLines : standard.ruralLines;
  const indicators = standard.indicators.map((indicator) => indicator.code);
  const between = (low: number, high: number) => Math.round((low + random.next() * (high - low)) / 1000) * 1000;
  let income: number;
  let lacking: number;
  if (status === 'POOR') {
    const ceiling = lines.poorIncomeLine ?? lines.incomeLine;
    income = between(ceiling * 0.45, ceiling);
    lacking = lines.poorIncomeLine === null ? random.int(standard.minLackingForPoor, 6) : random.int(0, 5);
  } else if (status === 'NEAR_POOR') {
    income = between((lines.poorIncomeLine ?? lines.incomeLine * 0.55) + 1000, lines.incomeLine);
    lacking = random.int(0, standard.minLackingForPoor - 1);
  } else {
    income = between(lines.incomeLine + 1000, lines.incomeLine * 3);
    lacking = random.int(0, 3);
  }
  // A partial Fisher–Yates shuffle picks `lacking` distinct indicators.
  for (let k = 0; k < lacking; k++) {
    const j = random.int(k, indicators.length - 1);
    [indicators[k], indicators[j]] = [indicators[j]!, indicators[k]!];
  }
  return { householdId, year, assessedOn: `${year}-${random.int(10, 11)}-${String(random.int(1, 28)).padStart(2, '0')}`, incomePerPersonMonthly: income, lackingIndicators: indicators.slice(0, lacking) };
}

export interface AreaDataset {
  plan: ReviewPlan;
  households: RegisterHouseholdInput[];
  /** Reviews of one year, given the registered ids in the order of `households`. */
  reviews(year: number, ids: readonly string[]): RecordAssessmentInput[];
  years: number[];
}

/** The households and reviews of every area, fixed by `seed`. */
export function demoAreas(seed = 2023): AreaDataset[] {
  return REVIEW_PLANS.map((plan, areaIndex) => {
    const random = randomSource(seed * 31 + areaIndex);
    const district = DISTRICTS.find((d) => d.code === plan.districtCode)!;
    const planned = plannedHouseholds(plan, district.communes, random);
    const years = Object.keys(plan.years).map(Number).sort();
    return {
      plan,
      years,
      households: planned.map((p) => p.input),
      reviews(year, ids) {
        const { total, poor, nearPoor } = plan.years[year]!;
        const ranked = planned.slice(0, total).map((p, i) => ({ i, score: p.score(year) })).sort((a, b) => a.score - b.score);
        const status = new Map<number, 'POOR' | 'NEAR_POOR'>();
        ranked.slice(0, poor).forEach(({ i }) => status.set(i, 'POOR'));
        ranked.slice(poor, poor + nearPoor).forEach(({ i }) => status.set(i, 'NEAR_POOR'));
        return planned.slice(0, total).map((p, i) => reviewFor(ids[i]!, p.input.areaType, year, status.get(i) ?? 'OTHER', random));
      },
    };
  });
}
