import { PovertyStatus } from '../../entities';
import { generateSupports, poolKey, type DemoSupport, type PoolHousehold } from '../generate';
import { HOUSING_PLAN, poolsNeeded } from '../plan';

/**
 * Synthetic registry answers: per district, a list of households; each review
 * year's POOR, NEAR_POOR and NEWLY_ESCAPED are disjoint slices of it, shifted
 * from year to year so a household is poor in several reviews (as in the registry).
 */
function syntheticPools(districts: readonly string[] = ['630', '646', '884', '643', '665']): Map<string, PoolHousehold[]> {
  const sizes: Record<string, { poor: number; nearPoor: number; escaped: number }> = {
    '630': { poor: 4000, nearPoor: 1500, escaped: 300 },
    '646': { poor: 3800, nearPoor: 1600, escaped: 300 },
    '884': { poor: 30, nearPoor: 300, escaped: 60 },
    '643': { poor: 300, nearPoor: 600, escaped: 100 },
    '665': { poor: 2000, nearPoor: 1200, escaped: 300 },
  };
  const pools = new Map<string, PoolHousehold[]>();
  for (const { districtCode, year, status } of poolsNeeded()) {
    if (!districts.includes(districtCode)) continue;
    const size = sizes[districtCode]!;
    const offset = (year - 2021) * 97;
    const [from, count] =
      status === PovertyStatus.POOR ? [offset, size.poor] : status === PovertyStatus.NEAR_POOR ? [offset + size.poor, size.nearPoor] : [offset + size.poor + size.nearPoor, size.escaped];
    pools.set(
      poolKey(districtCode, year, status),
      Array.from({ length: count }, (_, i) => ({ id: `${districtCode}-${String(from + i).padStart(6, '0')}`, communeCode: `${districtCode}0${(from + i) % 7}`, registeredOn: '2015-06-01' })),
    );
  }
  return pools;
}

const pools = syntheticPools();
const { supports, skipped } = generateSupports(2023, pools);
const kept = supports.filter((s) => s.cancellation === null);
const where = (districtCode: string, year: number, source?: string) => kept.filter((s) => s.districtCode === districtCode && s.year === year && (!source || s.input.source === source));
const tally = (list: DemoSupport[]) => ({
  approved: list.length,
  newBuilds: list.filter((s) => s.input.kind === 'NEW_BUILD').length,
  repairs: list.filter((s) => s.input.kind === 'REPAIR').length,
  amount: list.reduce((sum, s) => sum + s.input.grantAmount, 0),
});

describe('generateSupports', () => {
  it('reproduces every line of the plan exactly, with the cancelled supports on top', () => {
    expect(skipped).toEqual([]);
    for (const { districtCode, year, lines } of HOUSING_PLAN) {
      for (const source of new Set(lines.map((l) => l.source))) {
        const own = lines.filter((l) => l.source === source);
        const figures = tally(where(districtCode, year, source));
        expect([districtCode, year, source, figures.newBuilds, figures.repairs]).toEqual([districtCode, year, source, own.reduce((n, l) => n + l.newBuilds, 0), own.reduce((n, l) => n + l.repairs, 0)]);
        const cancelled = supports.filter((s) => s.cancellation !== null && s.districtCode === districtCode && s.year === year && s.input.source === source);
        expect(cancelled).toHaveLength(own.reduce((n, l) => n + (l.cancelled ?? 0), 0));
      }
    }
  });

  it('gives Ea Súp 2023 the §5 figures: Dự án 5 900 = 564 + 336 at the caps, the Fund 3 new houses for 202.5 million', () => {
    expect(tally(where('646', 2023, 'NTP_PROJECT_5'))).toEqual({ approved: 900, newBuilds: 564, repairs: 336, amount: 29_280_000_000 });
    const fund = where('646', 2023, 'FUND_FOR_THE_POOR');
    expect(tally(fund)).toEqual({ approved: 3, newBuilds: 3, repairs: 0, amount: 202_500_000 });
    for (const s of fund) expect(s.input.grantAmount).toBeLessThanOrEqual(70_000_000);
    expect(tally(where('646', 2023))).toMatchObject({ approved: 903, newBuilds: 567, repairs: 336 });
    expect(supports.filter((s) => s.districtCode === '646' && s.year === 2023 && s.cancellation !== null)).toEqual([]);
  });

  it('gives Kông Chro 12 donor houses and Châu Đốc 27 + 4 supports in 2023, the 4 new builds for newly escaped households', () => {
    expect(tally(where('630', 2023, 'DONOR'))).toMatchObject({ approved: 12, newBuilds: 8, repairs: 4 });
    expect(where('630', 2023, 'DONOR').every((s) => s.input.sponsor)).toBe(true);
    expect(where('884', 2023)).toHaveLength(31);
    expect(where('884', 2023, 'NTP_PROJECT_5')).toEqual([]);
    const escaped = new Set(pools.get(poolKey('884', 2022, 'NEWLY_ESCAPED'))!.map((h) => h.id));
    const forEscaped = where('884', 2023).filter((s) => escaped.has(s.input.householdId));
    expect(forEscaped.map((s) => [s.input.source, s.input.kind])).toEqual(Array(4).fill(['FUND_FOR_THE_POOR', 'NEW_BUILD']));
  });

  it('draws households from the review before approval, once per source, within the rules', () => {
    const drawnFrom = new Map<string, Set<string>>();
    for (const [key, list] of pools) drawnFrom.set(key, new Set(list.map((h) => h.id)));
    const once = new Set<string>();
    for (const s of supports) {
      const key = `${s.input.householdId}|${s.input.source}`;
      expect(once.has(key)).toBe(false);
      once.add(key);
      const statuses = ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'].filter((status) => drawnFrom.get(poolKey(s.districtCode, s.year - 1, status))?.has(s.input.householdId));
      expect(statuses).toHaveLength(1);
      if (s.input.source === 'NTP_PROJECT_5') expect(['630', '646']).toContain(s.districtCode);
      if (s.input.source === 'PROGRAMME_167') expect(statuses).toEqual(['POOR']);
      if (statuses[0] === 'NEWLY_ESCAPED') expect(s.input.source).toBe('FUND_FOR_THE_POOR');
    }
  });

  it('dates approvals in January–September and works, completions and cancellations after them', () => {
    for (const s of supports) {
      expect(s.input.approvedOn >= `${s.year}-01-01` && s.input.approvedOn <= `${s.year}-09-30`).toBe(true);
      if (s.startedOn) expect(s.startedOn > s.input.approvedOn).toBe(true);
      if (s.completion) {
        expect(s.startedOn).not.toBeNull();
        expect(s.completion.completedOn > s.startedOn!).toBe(true);
        expect(s.completion.completedOn <= '2025-12-31').toBe(true);
      }
      if (s.cancellation) {
        expect(s.startedOn).toBeNull();
        expect(s.cancellation.cancelledOn > s.input.approvedOn && s.cancellation.cancelledOn.startsWith(String(s.year))).toBe(true);
        expect(s.year).not.toBe(2023);
      }
    }
    // Most 2022–2023 supports are finished.
    const older = kept.filter((s) => s.year <= 2023);
    expect(older.filter((s) => s.completion).length / older.length).toBeGreaterThan(0.85);
  });

  it('is deterministic: the same seed gives the same supports, another seed others', () => {
    expect(generateSupports(2023, syntheticPools())).toEqual({ supports, skipped });
    const other = generateSupports(7, pools).supports;
    expect(other).toHaveLength(supports.length);
    expect(other.map((s) => s.input)).not.toEqual(supports.map((s) => s.input));
  });

  it('leaves out districts the registry holds no households of, and gives the others the same supports', () => {
    const partial = generateSupports(2023, syntheticPools(['630', '646', '884']));
    expect(partial.skipped).toEqual(['643', '665']);
    expect(partial.supports).toEqual(supports.filter((s) => ['630', '646', '884'].includes(s.districtCode)));
  });

  it('refuses a plan the registry cannot fill, naming the line', () => {
    const short = syntheticPools();
    short.set(poolKey('884', 2022, 'POOR'), short.get(poolKey('884', 2022, 'POOR'))!.slice(0, 5));
    expect(() => generateSupports(2023, short)).toThrow(/Housing demo 884 2023: PROGRAMME_167 needs 6 households of POOR in the 2022 review not yet supported by it, but the registry has 5/);
  });
});
