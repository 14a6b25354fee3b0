import type { DataSource } from 'typeorm';
import { type DemoCommune, type DemoSeed, type SeedEnvironment } from '@povgraph/demo';
import { InfrastructureProject } from '../entities';
import { createServices } from '../services';
import { demoWorks } from './generate';
import { PLANS } from './plan';

/** The district whose presence says the registry's demo map is loaded. */
const MARKER_AREA = '630';

/** Whether this service holds no work yet (the demo loads only into an empty database). */
async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.getRepository(InfrastructureProject).exists());
}

/** Every record of this service, in one statement; migrations stay (this service has no rule tables). */
async function reset(dataSource: DataSource): Promise<void> {
  await dataSource.query('TRUNCATE audit_log, disbursements, project_communes, infrastructure_projects');
}

/**
 * Loads the Dự án 1 demo (plan.ts) through the service layer, as an investment
 * board's clerk would: approvals, starts, completions and disbursements, each step
 * one batch (one registry question for the approvals, one transaction each), so
 * every rule and audit row is the one a clerk's write gets.
 */
async function load(dataSource: DataSource, environment: SeedEnvironment): Promise<void> {
  const { context, logger, progress } = environment;
  if (!(await environment.registry.hasArea(MARKER_AREA))) {
    logger.info({ area: MARKER_AREA }, 'The household registry has no demo map (district 630); load it first (pnpm seed). No Dự án 1 works loaded.');
    return;
  }
  const began = Date.now();
  const services = createServices(dataSource, environment.graph);
  // The communes of each planned district: one registry question per district, in parallel.
  const listed = await Promise.all(PLANS.map(async (plan) => [plan.districtCode, await environment.registry.communes(plan.districtCode)] as const));
  const communes: Record<string, DemoCommune[]> = Object.fromEntries(listed);
  const works = demoWorks(environment.seed, communes);

  const bar = progress.start('Dự án 1 works', works.length * 4);
  const approved = await services.projects.approveMany(context, works.map((work) => work.input));
  bar.tick(works.length);
  const ids = approved.map((project) => project.id);
  await services.projects.startMany(context, works.map((work, i) => ({ id: ids[i]!, startedOn: work.startedOn })));
  bar.tick(works.length);
  const completed = works.flatMap((work, i) => (work.completedOn ? [{ id: ids[i]!, completedOn: work.completedOn }] : []));
  await services.projects.completeMany(context, completed);
  bar.tick(works.length);
  const payments = works
    .flatMap((work, i) => work.disbursements.map((payment) => ({ id: ids[i]!, ...payment })))
    .sort((a, b) => a.disbursedOn.localeCompare(b.disbursedOn));
  await services.projects.disburseMany(context, payments);
  bar.tick(works.length);
  bar.finish();
  logger.info({ works: works.length, completed: completed.length, disbursements: payments.length, ms: Date.now() - began }, 'Dự án 1 demo works loaded');
}

/** The infrastructure demo dataset, as `pnpm seed` and `pnpm start` load it. */
export const infrastructureDemo: DemoSeed = { service: 'infrastructure', isEmpty, reset, load };
