import { randomParts, randomSource, type DemoHousehold, type Random } from '@povgraph/demo';
import { HousingKind, HousingSource, type PovertyStatus } from '../entities';
import type { ApproveHousingSupportInput } from '../generated/resolvers';
import { HOUSING_PLAN, PROJECT_5_GRANT, type SupportLine, type YearPlan } from './plan';

const { NEW_BUILD, REPAIR } = HousingKind;
const STEP = 500_000;

/** What the generator needs of a registry household. */
export type PoolHousehold = Pick<DemoHousehold, 'id' | 'communeCode' | 'registeredOn'>;

/** Households of a district that the review of `year` classified as `status`, as the registry lists them. */
export type Pools = ReadonlyMap<string, readonly PoolHousehold[]>;
export const poolKey = (districtCode: string, year: number, status: PovertyStatus | string) => `${districtCode}|${year}|${status}`;

/** One support of the demo: its approval, then what happened to it. */
export interface DemoSupport {
  districtCode: string;
  year: number;
  input: ApproveHousingSupportInput;
  /** Works started (ngày khởi công), or null while approved only. */
  startedOn: string | null;
  /** Works finished, with the floor area measured (null when not measured); null while not completed. */
  completion: { completedOn: string; floorAreaM2: number | null } | null;
  /** Cancelled before works started; such a support is outside the plan's figures. */
  cancellation: { cancelledOn: string; reason: string } | null;
}

export interface DemoDataset {
  supports: DemoSupport[];
  /** Districts of the plan left out because the registry holds none of their households (a partial registry). */
  skipped: string[];
}

/** Usual grants per source and kind (đồng, multiples of 500,000) where the plan gives no total; Dự án 5 pays its caps. */
const GRANT_RANGE: Record<Exclude<HousingSource, HousingSource.NTP_PROJECT_5>, Record<HousingKind, [number, number]>> = {
  [HousingSource.PROGRAMME_167]: { NEW_BUILD: [25_000_000, 25_000_000], REPAIR: [10_000_000, 25_000_000] },
  [HousingSource.FUND_FOR_THE_POOR]: { NEW_BUILD: [50_000_000, 70_000_000], REPAIR: [20_000_000, 35_000_000] },
  [HousingSource.DONOR]: { NEW_BUILD: [45_000_000, 80_000_000], REPAIR: [15_000_000, 40_000_000] },
  [HousingSource.OTHER]: { NEW_BUILD: [40_000_000, 60_000_000], REPAIR: [15_000_000, 30_000_000] },
};

const DONORS = [
  'Công ty Cổ phần Tập đoàn Hoa Sen',
  'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)',
  'Tập đoàn Công nghiệp – Viễn thông Quân đội (Viettel)',
  'Công ty Cổ phần Sữa Việt Nam (Vinamilk)',
  'Tập đoàn Điện lực Việt Nam (EVN)',
  'Báo Tuổi Trẻ',
  'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)',
];
const OTHER_SOURCES = ['Hội Chữ thập đỏ tỉnh', 'Nguồn xã hội hóa của xã', 'Hội Liên hiệp Phụ nữ huyện', 'Quỹ Bảo trợ trẻ em tỉnh'];
const CANCELLATION_REASONS = [
  'Hộ chuyển đi nơi khác sinh sống (the household moved away)',
  'Hộ xin rút, tự làm nhà bằng nguồn vốn khác (the household withdrew)',
  'Đất ở đang tranh chấp, chưa thể khởi công (the plot is in dispute)',
  'Trùng đối tượng với nguồn hỗ trợ khác (already supported from another source)',
];

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const grantBetween = (random: Random, [low, high]: [number, number]) => random.int(low / STEP, high / STEP) * STEP;

/**
 * The housing supports of the plan, fixed by `seed` and the registry's households:
 * pure and deterministic. Each district draws from its own random stream, so a
 * registry holding fewer districts gives the same supports in those it holds.
 * Households are drawn from the review of the year before approval, once per
 * source over every year (a source supports a household once).
 */
export function generateSupports(seed: number, pools: Pools, plans: readonly YearPlan[] = HOUSING_PLAN): DemoDataset {
  const supports: DemoSupport[] = [];
  const skipped: string[] = [];
  for (const districtCode of [...new Set(plans.map((plan) => plan.districtCode))]) {
    const own = plans.filter((plan) => plan.districtCode === districtCode).sort((a, b) => a.year - b.year);
    const holdsAny = own.some((plan) => plan.lines.some((l) => l.from.some((status) => (pools.get(poolKey(districtCode, plan.year - 1, status))?.length ?? 0) > 0)));
    if (!holdsAny) {
      skipped.push(districtCode);
      continue;
    }
    const random = randomSource(seed * 1009 + Number(districtCode));
    const used = new Set<string>();
    for (const plan of own) supports.push(...yearSupports(plan, pools, used, random));
  }
  return { supports, skipped };
}

function yearSupports({ districtCode, year, lines }: YearPlan, pools: Pools, used: Set<string>, random: Random): DemoSupport[] {
  // The board approves in three rounds (đợt phê duyệt) between February and September.
  const rounds = [random.dateBetween(`${year}-02-15`, `${year}-03-31`), random.dateBetween(`${year}-05-01`, `${year}-06-15`), random.dateBetween(`${year}-08-01`, `${year}-09-20`)];
  const roundOf = () => {
    const draw = random.next();
    return rounds[draw < 0.5 ? 0 : draw < 0.8 ? 1 : 2]!;
  };
  const out: DemoSupport[] = [];
  for (const l of lines) {
    const kept = [...Array<HousingKind>(l.newBuilds).fill(NEW_BUILD), ...Array<HousingKind>(l.repairs).fill(REPAIR)];
    const cancelled = Array.from({ length: l.cancelled ?? 0 }, () => (random.next() < 0.6 ? NEW_BUILD : REPAIR));
    const households = draw(districtCode, year, l, kept.length + cancelled.length, pools, used, random, rounds[0]!);
    const grants = grantsOf(l, kept, random);
    kept.forEach((kind, i) => out.push(support(districtCode, year, l.source, kind, households[i]!, grants[i]!, roundOf(), random, false)));
    cancelled.forEach((kind, i) => {
      const grant = l.source === HousingSource.NTP_PROJECT_5 ? PROJECT_5_GRANT[kind] : grantBetween(random, GRANT_RANGE[l.source][kind]);
      out.push(support(districtCode, year, l.source, kind, households[kept.length + i]!, grant, roundOf(), random, true));
    });
  }
  return out;
}

/** `count` households of the line's statuses in the review of year − 1, not yet supported by its source, registered before the first round. */
function draw(districtCode: string, year: number, l: SupportLine, count: number, pools: Pools, used: Set<string>, random: Random, firstRound: string): PoolHousehold[] {
  const seen = new Set<string>();
  const candidates = l.from
    .flatMap((status) => pools.get(poolKey(districtCode, year - 1, status)) ?? [])
    .filter((h) => !seen.has(h.id) && seen.add(h.id) && !used.has(`${h.id}|${l.source}`) && h.registeredOn <= firstRound);
  if (candidates.length < count) {
    throw new Error(`Housing demo ${districtCode} ${year}: ${l.source} needs ${count} households of ${l.from.join(' or ')} in the ${year - 1} review not yet supported by it, but the registry has ${candidates.length}.`);
  }
  const chosen = random.shuffle(candidates).slice(0, count);
  for (const h of chosen) used.add(`${h.id}|${l.source}`);
  return chosen;
}

/** Grants of the line's supports in order: Dự án 5 at its caps, a reported total split exactly, or the source's usual range. */
function grantsOf(l: SupportLine, kinds: readonly HousingKind[], random: Random): number[] {
  if (kinds.length === 0) return [];
  if (l.source === HousingSource.NTP_PROJECT_5) return kinds.map((kind) => PROJECT_5_GRANT[kind]);
  if (l.amount !== undefined) {
    // Close to the average, so no grant strays far above it (and over a cap).
    const min = Math.floor((l.amount / kinds.length) * 0.97 / STEP) * STEP;
    return randomParts(random, l.amount, kinds.length, { min, step: STEP });
  }
  const range = GRANT_RANGE[l.source];
  return kinds.map((kind) => grantBetween(random, range[kind]));
}

function support(districtCode: string, year: number, source: HousingSource, kind: HousingKind, household: PoolHousehold, grantAmount: number, approvedOn: string, random: Random, cancel: boolean): DemoSupport {
  const sponsor = source === HousingSource.DONOR ? random.pick(DONORS) : source === HousingSource.OTHER ? random.pick(OTHER_SOURCES) : null;
  const input: ApproveHousingSupportInput = { householdId: household.id, kind, source, sponsor, approvedOn, grantAmount };
  if (cancel) return { districtCode, year, input, startedOn: null, completion: null, cancellation: { cancelledOn: addDays(approvedOn, random.int(15, 60)), reason: random.pick(CANCELLATION_REASONS) } };
  // Works of older approvals are mostly finished; some of the latest are still under way or not begun.
  const [completedShare, startedShare] = year <= 2022 ? [0.97, 1] : year === 2023 ? [0.9, 0.97] : [0.75, 0.9];
  const progress = random.next();
  const startedOn = progress < startedShare ? addDays(approvedOn, random.int(10, 60)) : null;
  const completedOn = startedOn !== null && progress < completedShare ? addDays(startedOn, random.int(45, 150)) : null;
  const [low, high] = kind === NEW_BUILD ? [30, 60] : [24, 50];
  const floorAreaM2 = random.next() < 0.9 ? random.int(low * 2, high * 2) / 2 : null;
  return { districtCode, year, input, startedOn, completion: completedOn === null ? null : { completedOn, floorAreaM2 }, cancellation: null };
}
