import type { DataSource } from 'typeorm';
import type { DemoHousehold, DemoSeed, SeedEnvironment } from '@povgraph/demo';
import { Loan, type PovertyStatus } from '../entities';
import { createServices } from '../services';
import { generateCredit, POOL_STATUSES, type DistrictRegistry } from './generate';
import { CREDIT_PLANS } from './plan';

/** Disbursements per batch (one registry request, one transaction each). */
const LOAN_BATCH = 5000;
/** Repayments per batch (one transaction each). */
const REPAYMENT_BATCH = 10_000;
/** Review years the demo's borrowers are picked from (December 2021 and 2022 see 2021's; 2023 sees 2022's; 2024 sees 2023's). */
const REVIEW_YEARS = [2021, 2022, 2023];
/** Registry lists read at once. */
const PARALLEL_READS = 4;

/** Runs `tasks` with at most `limit` at a time, answers in order. */
async function inParallel<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The registry of each planned district, as the generator reads it; districts without households in the registry are left out. */
async function readRegistries(env: SeedEnvironment): Promise<DistrictRegistry[]> {
  const reads = CREDIT_PLANS.flatMap((plan) =>
    REVIEW_YEARS.flatMap((year) => POOL_STATUSES.map((status) => ({ district: plan.districtCode, year, status }))),
  );
  const lists = await inParallel(
    reads.map((read) => () => env.registry.households(read.district, { status: read.status, year: read.year })),
    PARALLEL_READS,
  );
  const registries: DistrictRegistry[] = [];
  for (const plan of CREDIT_PLANS) {
    const pools = new Map<string, DemoHousehold[]>();
    reads.forEach((read, i) => {
      if (read.district === plan.districtCode) pools.set(`${read.year}|${read.status}`, lists[i]!);
    });
    if ([...pools.values()].every((list) => !list.length)) continue;
    env.logger.debug({ district: plan.districtCode, pools: Object.fromEntries([...pools].map(([key, list]) => [key, list.length])) }, 'credit demo: borrowers to pick from');
    registries.push({
      code: plan.districtCode,
      communes: await env.registry.communes(plan.districtCode),
      households: (year: number, status: PovertyStatus) => pools.get(`${year}|${status}`) ?? [],
    });
  }
  return registries;
}

/**
 * VBSP's demo dataset (DESIGN.md §5 and ./plan.ts): loans and repayments in the
 * five districts, 2021–2024, written through the service layer's bulk paths, so
 * every rule and audit row is the one a bank officer's write gets.
 */
export const creditDemo: DemoSeed = {
  service: 'credit',
  async isEmpty(dataSource: DataSource) {
    return !(await dataSource.getRepository(Loan).exists());
  },
  async reset(dataSource: DataSource) {
    // Records only: the programme rules are seeded by a migration and stay.
    await dataSource.query('TRUNCATE audit_log, repayments, loans');
  },
  async load(dataSource: DataSource, env: SeedEnvironment) {
    if (!(await env.registry.hasArea('630'))) {
      env.logger.info('credit demo: the registry has no demo areas (load the households demo first); nothing to lend against.');
      return;
    }
    const services = createServices(dataSource, env.graph);
    const registries = await readRegistries(env);
    const years = generateCredit(env.seed, registries);
    const loanBar = env.progress.start('loans', years.reduce((n, y) => n + y.loans.length, 0));
    const repaymentBar = env.progress.start('repayments', years.reduce((n, y) => n + y.repayments.length, 0));
    const loanIds = new Map<string, string>();
    // Year by year, loans before the repayments dated in the year: each cap is
    // checked against what the household owes after the earlier years' repayments.
    for (const { loans, repayments } of years) {
      for (let start = 0; start < loans.length; start += LOAN_BATCH) {
        const batch = loans.slice(start, start + LOAN_BATCH);
        const saved = await services.loans.disburseMany(env.context, batch, 'batch');
        saved.forEach((loan) => loanIds.set(loan.idempotencyKey, loan.id));
        loanBar.tick(batch.length);
      }
      for (let start = 0; start < repayments.length; start += REPAYMENT_BATCH) {
        const batch = repayments.slice(start, start + REPAYMENT_BATCH);
        await services.repayments.recordMany(
          env.context,
          batch.map(({ loanKey, ...repayment }) => ({ ...repayment, loanId: loanIds.get(loanKey)! })),
          'batch',
        );
        repaymentBar.tick(batch.length);
      }
    }
    loanBar.finish();
    repaymentBar.finish();
    env.logger.info({ districts: registries.map((r) => r.code), loans: loanIds.size }, 'credit demo loaded');
  },
};
