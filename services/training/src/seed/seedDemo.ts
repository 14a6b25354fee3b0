import type { DataSource } from 'typeorm';
import { SEED_CALLER, type DemoHousehold, type DemoSeed, type SeedEnvironment } from '@povgraph/demo';
import { createServices } from '../services';
import { chunks, itemOfBatch } from '../services/batch';
import { HOUSEHOLDS_PER_REQUEST } from '../services/Registry';
import { generateTrainingDemo, type TrainingArea } from './generate';
import { poolReviewYear, TRAINING_PLANS, YEARS } from './plan';

/** Households of each status a commune offers the generator: plenty for its courses, small enough for one request per district. */
const POOL_PER_COMMUNE = 100;
const OWNER = 'the household registry';
/** Districts read from the registry at once. */
const PARALLEL_READS = 2;
const HOUSEHOLD_FIELDS = 'id code headName communeCode village registeredOn members withoutLabourCapacity';

/** One request per district: the first poor and near-poor households of each review in each of its communes. */
function poolQuery(communes: number, years: readonly number[]): string {
  const variables = Array.from({ length: communes }, (_, i) => `$c${i}: AdminCode!`).join(', ');
  const fields = years.flatMap((year) =>
    Array.from({ length: communes }, (_, i) =>
      ['POOR', 'NEAR_POOR'].map((status) => `y${year}_${status}_${i}: adminUnit(code: $c${i}) { households(status: ${status}, year: ${year}, first: $first) { nodes { ${HOUSEHOLD_FIELDS} } } }`).join(' '),
    ),
  );
  return `query TrainingDemoPools($first: Int!, ${variables}) { ${fields.join(' ')} }`;
}

/** The district's communes and its poor and near-poor households of each review year; null when the registry holds none. */
async function readArea(env: SeedEnvironment, districtCode: string, reviewYears: readonly number[]): Promise<TrainingArea | null> {
  if (!(await env.registry.hasArea(districtCode))) return null;
  const communes = await env.registry.communes(districtCode);
  type Answer = Record<string, { households: { nodes: DemoHousehold[] } } | null>;
  const variables = { first: POOL_PER_COMMUNE, ...Object.fromEntries(communes.map((commune, i) => [`c${i}`, commune.code])) };
  const data = await env.graph.request<Answer>(SEED_CALLER, OWNER, poolQuery(communes.length, reviewYears), variables, env.context.requestId);
  const pools = Object.fromEntries(reviewYears.map((year) => [year, Object.entries(data).flatMap(([alias, unit]) => (alias.startsWith(`y${year}_`) ? (unit?.households.nodes ?? []) : []))]));
  if (Object.values(pools).every((pool) => pool.length === 0)) {
    env.logger.info({ district: districtCode }, 'training demo: the registry holds no households of this district; skipped');
    return null;
  }
  return { districtCode, communes, pools };
}

/** The registry as the generator needs it, for every planned district, two districts at a time. */
async function readAreas(env: SeedEnvironment): Promise<TrainingArea[]> {
  const reviewYears = [...new Set(YEARS.map(poolReviewYear))];
  const areas: Array<TrainingArea | null> = [];
  for (let start = 0; start < TRAINING_PLANS.length; start += PARALLEL_READS) {
    areas.push(...(await Promise.all(TRAINING_PLANS.slice(start, start + PARALLEL_READS).map((plan) => readArea(env, plan.districtCode, reviewYears)))));
  }
  return areas.filter((area): area is TrainingArea => area !== null);
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
  const areasRead = await readAreas(env);
  console.log('TIMING read', Date.now() - started);
  const inputs = generateTrainingDemo(env.seed, areasRead);
  console.log('TIMING generate', Date.now() - started);
  const services = createServices(dataSource, env.graph);
  const { context } = env;

  const courseBar = env.progress.start('courses', inputs.courses.length);
  const courses = await services.courses.createMany(context, inputs.courses, itemOfBatch, 'batch');
  courseBar.tick(courses.length);
  courseBar.finish();
  console.log('TIMING courses', Date.now() - started);

  const enrolmentBar = env.progress.start('enrolments', inputs.enrolments.length);
  const enrolmentIds: string[] = [];
  for (const chunk of chunks(inputs.enrolments, HOUSEHOLDS_PER_REQUEST)) {
    const saved = await services.enrolments.enrolMany(context, chunk.map((planned) => ({ ...planned.input, courseId: courses[planned.course]!.id })), itemOfBatch, 'batch');
    enrolmentIds.push(...saved.map((enrolment) => enrolment.id));
    enrolmentBar.tick(saved.length);
  }
  enrolmentBar.finish();
  console.log('TIMING enrol', Date.now() - started);

  const completions = inputs.enrolments.flatMap((planned, i) => (planned.completion ? [{ enrolmentId: enrolmentIds[i]!, ...planned.completion }] : []));
  const completionBar = env.progress.start('completions', completions.length);
  for (const chunk of chunks(completions)) {
    await services.enrolments.recordCompletions(context, chunk, itemOfBatch, 'batch');
    completionBar.tick(chunk.length);
  }
  completionBar.finish();
  console.log('TIMING complete', Date.now() - started);

  const fairBar = env.progress.start('job fairs', inputs.jobFairs.length);
  if (inputs.jobFairs.length) await services.jobFairs.recordMany(context, inputs.jobFairs, itemOfBatch, 'batch');
  fairBar.tick(inputs.jobFairs.length);
  fairBar.finish();
  console.log('TIMING fairs', Date.now() - started);

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
