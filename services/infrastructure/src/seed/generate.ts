import { apportion, randomSource, type DemoCommune, type Random } from '@povgraph/demo';
import { WorkKind } from '../entities';
import type { ApproveInfrastructureProjectInput } from '../generated/resolvers';
import { CATEGORY_OF, PLANS, WorkType, type DistrictPlan, type YearPlan } from './plan';

/** A Dự án 1 work of the demo: its approval, and what happened to it by the end of 2024. */
export interface DemoWork {
  districtCode: string;
  input: ApproveInfrastructureProjectInput;
  /** Khởi công; every demo work has started. */
  startedOn: string;
  /** Hoàn thành; null while under construction (some 2024 works). */
  completedOn: string | null;
  /** Giải ngân, oldest first; their sum never exceeds the work's capital. */
  disbursements: Array<{ amount: number; disbursedOn: string }>;
}

const MILLION = 1_000_000;
/** Smallest capital of a new work and of a maintenance work, đồng. */
const MIN_NEW_WORK = 500 * MILLION;
const MIN_MAINTENANCE = 150 * MILLION;
/** The demo describes works as they stood at the end of 2024. */
const AS_OF = '2024-12-31';

/** Relative size of each type of work, before a random spread: a bridge costs more than a community house. */
const SIZE: Record<WorkType, number> = {
  ROAD: 1.2,
  BRIDGE: 1.5,
  SCHOOL: 1.0,
  IRRIGATION: 0.9,
  CLEAN_WATER: 0.7,
  CULTURAL_HOUSE: 0.35,
  ELECTRICITY: 0.8,
  HEALTH_STATION: 0.9,
};

/** Village names as the registry's demo households carry them (`<word> <name>`). */
const VILLAGE_NAMES: Record<string, string[]> = {
  thôn: ['1', '2', '3', '4', '5', 'Đoàn Kết', 'Tân Lập', 'Mới'],
  default: ['Tơ Pơ', 'Brăng', 'Hle', 'Kuao', 'Mới'],
};

/**
 * The demo works of every planned district, deterministic in `seed`: per district
 * and programme year exactly the planned number of new and maintenance works and
 * exactly the planned investment and recurrent capital (apportioned, in whole
 * millions), spread over the district's communes with names unique per year and
 * investor. `communes` holds each planned district's communes as the registry lists them.
 */
export function demoWorks(seed: number, communes: Readonly<Record<string, readonly DemoCommune[]>>, plans: readonly DistrictPlan[] = PLANS): DemoWork[] {
  return plans.flatMap((plan) => {
    const listed = communes[plan.districtCode];
    if (!listed?.length) throw new Error(`No communes for district ${plan.districtCode}; the registry's demo map must be loaded.`);
    const pool = plan.communes ? listed.filter((commune) => plan.communes!.includes(commune.code)) : [...listed];
    if (pool.length !== (plan.communes?.length ?? listed.length)) throw new Error(`District ${plan.districtCode} lacks some planned communes: ${plan.communes!.join(', ')}.`);
    // One source per district, so one district's works do not depend on another's plan.
    const random = randomSource((seed * 1_000 + Number(plan.districtCode)) >>> 0);
    return Object.entries(plan.years).flatMap(([year, yearPlan]) => worksOfYear(plan, Number(year), yearPlan, pool, random));
  });
}

function worksOfYear(plan: DistrictPlan, year: number, yearPlan: YearPlan, pool: readonly DemoCommune[], random: Random): DemoWork[] {
  const names = new Set<string>();
  const unique = (name: string) => {
    let candidate = name;
    for (let n = 2; names.has(candidate.toLowerCase()); n++) candidate = `${name} (đoạn ${n})`;
    names.add(candidate.toLowerCase());
    return candidate;
  };
  // Communes in a random order, taken in turn, so the works spread over the district.
  let order: DemoCommune[] = [];
  const nextCommune = () => {
    if (order.length === 0) order = random.shuffle(pool);
    return order.pop()!;
  };
  const village = (commune: DemoCommune, not?: string) => {
    const word = plan.otherVillageWord?.communes.includes(commune.code) ? plan.otherVillageWord.word : plan.villageWord;
    const choices = (VILLAGE_NAMES[word] ?? VILLAGE_NAMES['default']!).map((name) => `${word} ${name}`).filter((name) => name !== not);
    return random.pick(choices);
  };

  const types = Object.entries(yearPlan.newWorks).flatMap(([type, count]) => Array.from({ length: count }, () => type as WorkType));
  const investment = shares(random, yearPlan.investmentCapital, types.map((type) => SIZE[type]), MIN_NEW_WORK);
  const recurrent = yearPlan.maintenanceWorks ? shares(random, yearPlan.recurrentCapital, Array.from({ length: yearPlan.maintenanceWorks }, () => 1), MIN_MAINTENANCE) : [];

  const newWorks = types.map((type, i): DemoWork => {
    const commune = nextCommune();
    const between = type === WorkType.ROAD && pool.length > 1 && random.next() < 0.3 ? nextCommune() : null;
    const v = village(commune);
    const name = between
      ? `Đường liên xã ${shortName(commune)} – ${shortName(between)}`
      : {
          ROAD: `Đường giao thông ${v} – ${village(commune, v)} ${label(commune)}`,
          BRIDGE: `${random.pick(['Cầu treo', 'Cầu bê tông qua suối'])} ${v} ${label(commune)}`,
          SCHOOL: `Phòng học điểm trường ${v} ${label(commune)}`,
          IRRIGATION: `${random.pick(['Kênh mương nội đồng', 'Đập dâng'])} ${v} ${label(commune)}`,
          CLEAN_WATER: `Công trình nước sinh hoạt tập trung ${v} ${label(commune)}`,
          CULTURAL_HOUSE: `Nhà sinh hoạt cộng đồng ${v} ${label(commune)}`,
          ELECTRICITY: `Đường điện hạ thế ${v} ${label(commune)}`,
          HEALTH_STATION: `Trạm y tế ${label(commune)}`,
        }[type];
    const communeCodes = between ? [commune.code, between.code] : [commune.code];
    return life(random, plan, year, { name: unique(name), category: CATEGORY_OF[type], kind: WorkKind.NEW_WORK, communeCodes, investmentCapital: investment[i]!, recurrentCapital: 0 });
  });

  const maintenance = recurrent.map((capital): DemoWork => {
    const commune = nextCommune();
    const between = pool.length > 1 && random.next() < 0.4 ? nextCommune() : null;
    const v = village(commune);
    const name = between ? `Duy tu đường liên xã ${shortName(commune)} – ${shortName(between)}` : `Duy tu đường giao thông ${v} – ${village(commune, v)} ${label(commune)}`;
    const communeCodes = between ? [commune.code, between.code] : [commune.code];
    return life(random, plan, year, { name: unique(name), category: CATEGORY_OF.ROAD, kind: WorkKind.MAINTENANCE, communeCodes, investmentCapital: 0, recurrentCapital: capital });
  });
  return [...newWorks, ...maintenance];
}

type WorkBasics = Pick<ApproveInfrastructureProjectInput, 'name' | 'category' | 'kind' | 'communeCodes' | 'investmentCapital' | 'recurrentCapital'>;

/**
 * Approval early in the programme year, start a few weeks later, completion within
 * the year (some 2024 works still under construction at the end of 2024), and the
 * payments: an advance (tạm ứng), a progress payment and the settlement. Works of
 * 2021–2022 are paid in full; 2023's new works keep 5 % back until their warranty
 * ends (bảo hành); 2024's are partly paid.
 */
function life(random: Random, plan: DistrictPlan, year: number, basics: WorkBasics): DemoWork {
  const maintenance = basics.kind === WorkKind.MAINTENANCE;
  const approvedOn = maintenance ? random.dateBetween(`${year}-02-01`, `${year}-05-31`) : random.dateBetween(`${year}-01-15`, `${year}-04-30`);
  const startedOn = addDays(approvedOn, random.int(15, 45));
  const planned = addDays(startedOn, maintenance ? random.int(30, 90) : random.int(120, 240));
  const finished = year < 2024 || random.next() < 0.6;
  const completedOn = year < 2024 ? min(planned, `${year}-12-25`) : finished && planned <= '2024-12-20' ? planned : null;

  const capital = basics.investmentCapital + basics.recurrentCapital;
  const share = year <= 2022 || maintenance ? (completedOn ? 1 : 0.5) : year === 2023 ? 0.95 : completedOn ? 0.8 + random.next() * 0.15 : 0.3 + random.next() * 0.3;
  const paid = Math.floor((capital * share) / MILLION) * MILLION;
  const disbursements: DemoWork['disbursements'] = [];
  if (completedOn && maintenance) {
    disbursements.push({ amount: paid, disbursedOn: addDays(completedOn, random.int(5, 20)) });
  } else if (completedOn) {
    const advance = Math.floor((paid * 0.3) / MILLION) * MILLION;
    const progress = Math.floor((paid * 0.4) / MILLION) * MILLION;
    disbursements.push(
      { amount: advance, disbursedOn: addDays(startedOn, random.int(5, 15)) },
      { amount: progress, disbursedOn: midway(startedOn, completedOn) },
      { amount: paid - advance - progress, disbursedOn: addDays(completedOn, random.int(10, 30)) },
    );
  } else {
    const advance = Math.floor((paid * 0.5) / MILLION) * MILLION;
    disbursements.push(
      { amount: advance, disbursedOn: addDays(startedOn, random.int(5, 15)) },
      { amount: paid - advance, disbursedOn: max(addDays(startedOn, 30), random.dateBetween('2024-11-01', '2024-12-20')) },
    );
  }
  for (const payment of disbursements) if (payment.disbursedOn > AS_OF && year === 2024) payment.disbursedOn = AS_OF;
  return {
    districtCode: plan.districtCode,
    input: { ...basics, programmeYear: year, approvedOn, investor: plan.investor },
    startedOn,
    completedOn,
    disbursements,
  };
}

/** `total` in whole millions, each part at least `least`, in proportion to `weights` spread at random. */
function shares(random: Random, total: number, weights: readonly number[], least: number): number[] {
  const spare = total / MILLION - (least / MILLION) * weights.length;
  if (!Number.isInteger(spare) || spare < 0) throw new Error(`Cannot split ${total} đồng into ${weights.length} works of at least ${least} in whole millions.`);
  return apportion(spare, weights.map((weight) => weight * (0.75 + random.next() * 0.5))).map((extra) => least + extra * MILLION);
}

/** "Xã Ia Lốp" → "Ia Lốp"; "Thị trấn Ea Súp" → "Ea Súp". */
const shortName = (commune: DemoCommune) => commune.name.replace(/^(Xã|Thị trấn|Phường) /u, '');
/** "Xã Ia Lốp" → "xã Ia Lốp", as it reads inside a work's name. */
const label = (commune: DemoCommune) => commune.name.replace(/^(Xã|Thị trấn|Phường) /u, (prefix) => prefix.toLowerCase());

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const midway = (from: string, to: string) => addDays(from, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000 / 2));
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);
