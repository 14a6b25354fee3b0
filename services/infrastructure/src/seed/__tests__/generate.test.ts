import type { DemoCommune } from '@povgraph/demo';
import { WorkCategory, WorkKind } from '../../entities';
import { demoWorks, type DemoWork } from '../generate';
import { CATEGORY_OF, PLANS, type WorkType } from '../plan';

/** The communes as the registry's demo map lists them (codes and names of services/households/src/seed/areas.ts). */
const COMMUNES: Record<string, DemoCommune[]> = {
  '630': ['Thị trấn Kông Chro', 'Xã Chư Krêy', 'Xã An Trung', 'Xã Kông Yang', 'Xã Đăk Tơ Pang', 'Xã SRó', 'Xã Đắk Kơ Ning', 'Xã Đăk Song', 'Xã Đăk Pling', 'Xã Yang Trung', 'Xã Đăk Pơ Pho', 'Xã Ya Ma', 'Xã Chơ Long', 'Xã Yang Nam'].map(
    (name, i) => ({ code: String(23941 + 3 * i), name }),
  ),
  '646': [
    ['24305', 'Thị trấn Ea Súp'],
    ['24308', 'Xã Ia Lốp'],
    ['24309', 'Xã Ia JLơi'],
    ['24311', 'Xã Ea Rốk'],
    ['24312', 'Xã Ya Tờ Mốt'],
    ['24313', 'Xã Ia RVê'],
    ['24314', 'Xã Ea Lê'],
    ['24316', 'Xã Cư KBang'],
    ['24317', 'Xã Ea Bung'],
    ['24319', 'Xã Cư M’Lan'],
  ].map(([code, name]) => ({ code: code!, name: name! })),
  '665': [
    ['24676', 'Thị trấn Đức An'],
    ['24678', 'Xã Đắk Môl'],
    ['24685', 'Xã Đắk N’Drung'],
    ['24687', 'Xã Nâm N’Jang'],
    ['24688', 'Xã Trường Xuân'],
  ].map(([code, name]) => ({ code: code!, name: name! })),
};

const works = demoWorks(2023, COMMUNES);
const of = (district: string, year: number) => works.filter((w) => w.districtCode === district && w.input.programmeYear === year);
const sum = (list: DemoWork[], pick: (w: DemoWork) => number) => list.reduce((total, w) => total + pick(w), 0);
const capital = (w: DemoWork) => w.input.investmentCapital + w.input.recurrentCapital;
const paid = (w: DemoWork) => w.disbursements.reduce((total, d) => total + d.amount, 0);

describe('demoWorks — the Dự án 1 demo generator', () => {
  it.each(PLANS.flatMap((plan) => Object.entries(plan.years).map(([year, figures]) => [plan.districtCode, Number(year), figures] as const)))(
    'gives %s in %i exactly the planned works and capital',
    (district, year, plan) => {
      const list = of(district, year);
      const created = list.filter((w) => w.input.kind === WorkKind.NEW_WORK);
      const maintained = list.filter((w) => w.input.kind === WorkKind.MAINTENANCE);
      expect(created).toHaveLength(Object.values(plan.newWorks).reduce((a, b) => a + b, 0));
      expect(maintained).toHaveLength(plan.maintenanceWorks);
      expect(sum(created, (w) => w.input.investmentCapital)).toBe(plan.investmentCapital);
      expect(sum(maintained, (w) => w.input.recurrentCapital)).toBe(plan.recurrentCapital);
      // New works carry investment capital only; maintenance works recurrent capital only, on roads.
      expect(sum(created, (w) => w.input.recurrentCapital)).toBe(0);
      expect(sum(maintained, (w) => w.input.investmentCapital)).toBe(0);
      expect(new Set(maintained.map((w) => w.input.category))).toEqual(maintained.length ? new Set([WorkCategory.ROAD]) : new Set());
      const byCategory: Record<string, number> = {};
      for (const [type, count] of Object.entries(plan.newWorks)) byCategory[CATEGORY_OF[type as WorkType]] = (byCategory[CATEGORY_OF[type as WorkType]] ?? 0) + count;
      const counted: Record<string, number> = {};
      for (const w of created) counted[w.input.category] = (counted[w.input.category] ?? 0) + 1;
      expect(counted).toEqual(byCategory);
      for (const w of list) expect(capital(w) % 1_000_000).toBe(0);
    },
  );

  it('reproduces DESIGN.md §5: Kông Chro 2023 investment 54,532 million; Ea Súp 2023 7 new works (6 roads, 1 school) + 7 road maintenance, 80,668 + 7,200 million', () => {
    expect(sum(of('630', 2023).filter((w) => w.input.kind === WorkKind.NEW_WORK), (w) => w.input.investmentCapital)).toBe(54_532_000_000);
    const easup = of('646', 2023);
    expect(easup.filter((w) => w.input.kind === WorkKind.NEW_WORK).map((w) => w.input.category).sort()).toEqual(['ROAD', 'ROAD', 'ROAD', 'ROAD', 'ROAD', 'ROAD', 'SCHOOL']);
    expect(easup.filter((w) => w.input.kind === WorkKind.MAINTENANCE)).toHaveLength(7);
    expect(sum(easup, (w) => w.input.investmentCapital)).toBe(80_668_000_000);
    expect(sum(easup, (w) => w.input.recurrentCapital)).toBe(7_200_000_000);
    // No works in the two cities, which have neither a poor district nor an especially difficult commune.
    expect(works.filter((w) => w.districtCode === '643' || w.districtCode === '884')).toEqual([]);
  });

  it('names each work once per programme year and investor, and places it in planned communes of its district', () => {
    const keys = works.map((w) => `${w.input.programmeYear}|${w.input.investor.toLowerCase()}|${w.input.name.toLowerCase()}`);
    expect(new Set(keys).size).toBe(works.length);
    for (const w of works) {
      const plan = PLANS.find((p) => p.districtCode === w.districtCode)!;
      const allowed = plan.communes ?? COMMUNES[w.districtCode]!.map((c) => c.code);
      expect(w.input.communeCodes.every((code) => allowed.includes(code))).toBe(true);
      expect(new Set(w.input.communeCodes).size).toBe(w.input.communeCodes.length);
      expect(w.input.name.length).toBeLessThanOrEqual(200);
    }
    // Works spread over the district: most of Kông Chro's communes get at least one.
    expect(new Set(works.filter((w) => w.districtCode === '630').flatMap((w) => w.input.communeCodes)).size).toBeGreaterThanOrEqual(12);
    expect(works.some((w) => w.input.communeCodes.length === 2)).toBe(true);
    expect(works.find((w) => w.districtCode === '646' && w.input.name.startsWith('Đường giao thông thôn'))?.input.name).toMatch(/^Đường giao thông thôn [^–]+ – thôn .+ (xã|thị trấn) /u);
  });

  it('dates every step in order and no later than January 2025, and pays within the capital', () => {
    for (const w of works) {
      expect(w.input.approvedOn.startsWith(String(w.input.programmeYear))).toBe(true);
      expect(w.startedOn >= w.input.approvedOn).toBe(true);
      if (w.completedOn) expect(w.completedOn >= w.startedOn).toBe(true);
      const days = w.disbursements.map((d) => d.disbursedOn);
      expect([...days].sort()).toEqual(days);
      expect(days.every((day) => day >= w.input.approvedOn && day <= '2025-01-31')).toBe(true);
      expect(w.disbursements.every((d) => Number.isSafeInteger(d.amount) && d.amount > 0)).toBe(true);
      expect(paid(w)).toBeLessThanOrEqual(capital(w));
    }
    const until2022 = works.filter((w) => w.input.programmeYear <= 2022);
    expect(until2022.every((w) => w.completedOn !== null && paid(w) === capital(w))).toBe(true);
    const of2023 = works.filter((w) => w.input.programmeYear === 2023);
    expect(of2023.every((w) => w.completedOn !== null && w.completedOn <= '2023-12-31' && paid(w) > 0.9 * capital(w))).toBe(true);
    const of2024 = works.filter((w) => w.input.programmeYear === 2024);
    expect(of2024.some((w) => w.completedOn === null)).toBe(true);
    expect(of2024.some((w) => w.completedOn !== null)).toBe(true);
    // 2024: every work has had a payment; new works are partly paid (maintenance finished in the year is settled).
    expect(of2024.every((w) => paid(w) > 0)).toBe(true);
    expect(of2024.filter((w) => w.input.kind === WorkKind.NEW_WORK).every((w) => paid(w) < capital(w))).toBe(true);
    expect(of2024.filter((w) => w.completedOn === null).every((w) => paid(w) < capital(w))).toBe(true);
  });

  it('is deterministic: the same seed gives the same works, another seed other ones with the same totals', () => {
    expect(demoWorks(2023, COMMUNES)).toEqual(works);
    const other = demoWorks(7, COMMUNES);
    expect(other).not.toEqual(works);
    expect(other.map((w) => w.input.investmentCapital)).not.toEqual(works.map((w) => w.input.investmentCapital));
    expect(sum(other, capital)).toBe(sum(works, capital));
  });

  it('refuses to plan without a district’s communes', () => {
    expect(() => demoWorks(2023, { '630': COMMUNES['630']! })).toThrow(/No communes for district 646/);
    expect(() => demoWorks(2023, { ...COMMUNES, '665': COMMUNES['665']!.slice(0, 3) })).toThrow(/District 665 lacks some planned communes/);
  });
});
