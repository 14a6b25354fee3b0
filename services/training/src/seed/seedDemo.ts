import type { DataSource } from 'typeorm';
import { SEED_CALLER, type DemoCommune, type DemoHousehold, type DemoSeed, type SeedEnvironment } from '@povgraph/demo';
import { createServices } from '../services';
import { chunks, itemOfBatch } from '../services/batch';
import { HOUSEHOLDS_PER_REQUEST } from '../services/Registry';
import { generateTrainingDemo, type TrainingArea } from './generate';
import { poolReviewYear, TRAINING_PLANS, YEARS } from './plan';

/** Households of each status a commune offers the generator: plenty for its courses, small enough for one request per district. */
const POOL_PER_COMMUNE = 100;
const OWNER = 'the household registry';
const HOUSEHOLD_FIELDS = 'id code headName communeCode village registeredOn members withoutLabourCapacity';

/** One request: the first poor and near-poor households of a review in each commune of a district. */
function poolQuery(communes: number): string {
  const variables = Array.from({ length: communes }, (_, i) => `$c${i}: AdminCode!`).join(', ');
  const fields = Array.from({ length: communes }, (_, i) =>
    ['POOR', 'NEAR_POOR'].map((status) => `${status[0]}${i}: adminUnit(code: $c${i}) { households(status: ${status}, year: $year, first: $first) { nodes { ${HOUSEHOLD_FIELDS} } } }`).join(' '),
  ).join(' ');
  return `query TrainingDemoPool($year: Int!, $first: Int!, ${variables}) { ${fields} }`;
}

async function readPool(env: SeedEnvironment, communes: readonly DemoCommune[], year: number): Promise<DemoHousehold[]> {
  type Answer = Record<string, { households: { nodes: DemoHousehold[] } } | null>;
  const variables = { year, first: POOL_PER_COMMUNE, ...Object.fromEntries(communes.map((commune, i) => [`c${i}`, commune.code])) };
  const data = await env.graph.request<Answer>(SEED_CALLER, OWNER, poolQuery(communes.length), variables, env.context.requestId);
  return Object.values(data).flatMap((unit) => unit?.households.nodes ?? []);
}

/** The registry as the generator needs it: each planned district's communes and its poor and near-poor households. */
async function readAreas(env: SeedEnvironment): Promise<TrainingArea[]> {
  const reviewYears = [...new Set(YEARS.map(poolReviewYear))];
  const areas: TrainingArea[] = [];
  for (const plan of TRAINING_PLANS) {
    if (!(await env.registry.hasArea(plan.districtCode))) continue;
    const communes = await env.registry.communes(plan.districtCode);
    const pools = await Promise.all(reviewYears.map((year) => readPool(env, communes, year)));
    if (pools.every((pool) => pool.length === 0)) {
      env.logger.info({ district: plan.districtCode }, 'training demo: the registry holds no households of this district; skipped');
      continue;
    }
    areas.push({ districtCode: plan.districtCode, communes, pools: Object.fromEntries(reviewYears.map((year, i) => [year, pools[i]!])) });
  }
  return areas;
}

/** Whether the service holds no records yet. */
async function isEmpty(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query(
    `SELECT NOT EXISTS (SELECT 1 FROM training_courses) AND NOT EXISTS (SELECT 1 FROM enrolments)
        AND NOT EXISTS (SELECT 1 FROM job_fairs) AND NOT EXISTS (SELECT 1 FROM labour_export_supports) AS empty`,
  );
  return row.empty;
}

/** Every record and its audit trail, in one statement (this service has no rule tables). */
async function reset(dataSource: DataSource): Promise<void> {
  await dataSource.query('TRUNCATE audit_log, labour_export_supports, job_fairs, enrolments, training_courses');
}

/**
 * Loads Dự án 4 for the districts of plan.ts whose households the registry
 * holds, through the service layer's bulk paths (each refuses what the single
 * mutation would), audited per batch as an import.
 */
async function load(dataSource: DataSource, env: SeedEnvironment): Promise<void> {
  if (!(await env.registry.hasArea('630'))) {
    env.logger.info('training demo: the registry holds no demo areas (load its demo first); nothing to seed');
    return;
  }
  const started = Date.now();
  const inputs = generateTrainingDemo(env.seed, await readAreas(env));
  const services = createServices(dataSource, env.graph);
  const { context } = env;

  const courseBar = env.progress.start('courses', inputs.courses.length);
  const courses = await services.courses.createMany(context, inputs.courses, itemOfBatch, 'batch');
  courseBar.tick(courses.length);
  courseBar.finish();

  const enrolmentBar = env.progress.start('enrolments', inputs.enrolments.length);
  const enrolmentIds: string[] = [];
  for (const chunk of chunks(inputs.enrolments, HOUSEHOLDS_PER_REQUEST)) {
    const saved = await services.enrolments.enrolMany(context, chunk.map((planned) => ({ ...planned.input, courseId: courses[planned.course]!.id })), itemOfBatch, 'batch');
    enrolmentIds.push(...saved.map((enrolment) => enrolment.id));
    enrolmentBar.tick(saved.length);
  }
  enrolmentBar.finish();

  const completions = inputs.enrolments.flatMap((planned, i) => (planned.completion ? [{ enrolmentId: enrolmentIds[i]!, ...planned.completion }] : []));
  const completionBar = env.progress.start('completions', completions.length);
  for (const chunk of chunks(completions)) {
    await services.enrolments.recordCompletions(context, chunk, itemOfBatch, 'batch');
    completionBar.tick(chunk.length);
  }
  completionBar.finish();

  const fairBar = env.progress.start('job fairs', inputs.jobFairs.length);
  if (inputs.jobFairs.length) await services.jobFairs.recordMany(context, inputs.jobFairs, itemOfBatch, 'batch');
  fairBar.tick(inputs.jobFairs.length);
  fairBar.finish();

  const exportBar = env.progress.start('labour export', inputs.labourExport.length);
  for (const chunk of chunks(inputs.labourExport, HOUSEHOLDS_PER_REQUEST)) {
    await services.labourExport.recordMany(context, chunk, itemOfBatch, 'batch');
    exportBar.tick(chunk.length);
  }
  exportBar.finish();
  env.logger.info(
    { ms: Date.now() - started, courses: courses.length, enrolments: enrolmentIds.length, completions: completions.length, jobFairs: inputs.jobFairs.length, labourExport: inputs.labourExport.length },
    'training demo loaded',
  );
}

/** The training centres' demo dataset, as `pnpm seed` and `pnpm start` load it. */
export const trainingDemo: DemoSeed = { service: 'training', isEmpty, reset, load };
