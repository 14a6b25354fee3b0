import type { DataSource } from 'typeorm';
import { SEED_CALLER, type DemoCommune, type DemoSeed, type SeedEnvironment } from '@povgraph/demo';
import { createServices } from '../services';
import { chunks, itemOfBatch } from '../services/batch';
import { generateTrainingDemo, type PoolHousehold, type TrainingArea } from './generate';
import { poolReviewYear, TRAINING_PLANS, YEARS } from './plan';

/** Households offered to the generator: plenty for the courses, few enough for one quick request per district. */
const POOR_PER_COMMUNE = 40;
const NEAR_POOR_PER_DISTRICT = 1000;
const OWNER = 'the household registry';
/** Items per bulk write that reads households: the registry is asked for them 1,000 at a time, all at once. */
const ENROLMENT_BATCH = 5000;
/** Districts read from the registry at once. */
const PARALLEL_READS = 2;
const HOUSEHOLD_FIELDS = 'id headName communeCode registeredOn withoutLabourCapacity';

/** Every planned district in one request: its communes on the 2023 map, and whether the registry holds any of its households. */
const DISTRICTS_QUERY = /* GraphQL */ `query TrainingDemoDistricts {
  ${TRAINING_PLANS.map((plan) => `d${plan.districtCode}: adminUnit(code: "${plan.districtCode}") { households(first: 1) { nodes { id } } children(on: "2023-12-31") { code name level } }`).join('\n  ')}
}`;

/**
 * One request per district for its pools: the first poor households of each
 * review in each commune (trainees are taken near the course first), and the
 * district's first near-poor households of each review (fewer: one list each).
 */
function poolQuery(communes: number, years: readonly number[]): string {
  const variables = Array.from({ length: communes }, (_, i) => `$c${i}: AdminCode!`).join(', ');
  const page = (status: string, year: number) => `households(status: ${status}, year: ${year}, first: $first) { nodes { ${HOUSEHOLD_FIELDS} } }`;
  const fields = years.flatMap((year) => [
    ...Array.from({ length: communes }, (_, i) => `y${year}_poor_${i}: adminUnit(code: $c${i}) { ${page('POOR', year)} }`),
    `y${year}_near_poor: adminUnit(code: $district) { ${page('NEAR_POOR', year).replace('$first', String(NEAR_POOR_PER_DISTRICT))} }`,
  ]);
  return `query TrainingDemoPools($district: AdminCode!, $first: Int!, ${variables}) { ${fields.join(' ')} }`;
}

interface DistrictAnswer {
  households: { nodes: unknown[] };
  children: Array<DemoCommune & { level: string }>;
}

async function readArea(env: SeedEnvironment, districtCode: string, communes: readonly DemoCommune[], reviewYears: readonly number[]): Promise<TrainingArea> {
  type Answer = Record<string, { households: { nodes: PoolHousehold[] } } | null>;
  const variables = { district: districtCode, first: POOR_PER_COMMUNE, ...Object.fromEntries(communes.map((commune, i) => [`c${i}`, commune.code])) };
  const data = await env.graph.request<Answer>(SEED_CALLER, OWNER, poolQuery(communes.length, reviewYears), variables, env.context.requestId);
  const pools = Object.fromEntries(reviewYears.map((year) => [year, Object.entries(data).flatMap(([alias, unit]) => (alias.startsWith(`y${year}_`) ? (unit?.households.nodes ?? []) : []))]));
  return { districtCode, communes, pools };
}

/** The registry as the generator needs it, for every planned district whose households it holds. */
async function readAreas(env: SeedEnvironment): Promise<TrainingArea[]> {
  const reviewYears = [...new Set(YEARS.map(poolReviewYear))];
  const districts = await env.graph.request<Record<string, DistrictAnswer>>(SEED_CALLER, OWNER, DISTRICTS_QUERY, {}, env.context.requestId);
  const loaded = TRAINING_PLANS.filter((plan) => {
    const held = districts[`d${plan.districtCode}`]!.households.nodes.length > 0;
    // A test stack loads only some districts' households.
    if (!held) env.logger.info({ district: plan.districtCode }, 'training demo: the registry holds no households of this district; skipped');
    return held;
  });
  const areas: TrainingArea[] = [];
  for (let start = 0; start < loaded.length; start += PARALLEL_READS) {
    const reads = loaded.slice(start, start + PARALLEL_READS).map((plan) => {
      const communes = districts[`d${plan.districtCode}`]!.children.filter((unit) => unit.level === 'COMMUNE').map(({ code, name }) => ({ code, name }));
      return readArea(env, plan.districtCode, communes, reviewYears);
    });
    areas.push(...(await Promise.all(reads)));
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
  const areas = await readAreas(env);
  const readMs = Date.now() - started;
  const inputs = generateTrainingDemo(env.seed, areas);
  const services = createServices(dataSource, env.graph);
  const { context } = env;

  const courseBar = env.progress.start('courses', inputs.courses.length);
  const courses = await services.courses.createMany(context, inputs.courses, itemOfBatch, 'batch');
  courseBar.tick(courses.length);
  courseBar.finish();

  const enrolmentBar = env.progress.start('enrolments', inputs.enrolments.length);
  const enrolmentIds: string[] = [];
  for (const chunk of chunks(inputs.enrolments, ENROLMENT_BATCH)) {
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
  for (const chunk of chunks(inputs.labourExport, ENROLMENT_BATCH)) {
    await services.labourExport.recordMany(context, chunk, itemOfBatch, 'batch');
    exportBar.tick(chunk.length);
  }
  exportBar.finish();
  env.logger.info(
    { ms: Date.now() - started, readMs, courses: courses.length, enrolments: enrolmentIds.length, completions: completions.length, jobFairs: inputs.jobFairs.length, labourExport: inputs.labourExport.length },
    'training demo loaded',
  );
}

/** The training centres' demo dataset, as `pnpm seed` and `pnpm start` load it. */
export const trainingDemo: DemoSeed = { service: 'training', isEmpty, reset, load };
