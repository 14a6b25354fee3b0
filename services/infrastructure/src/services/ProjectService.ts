import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { badUserInput, conflict, notFound } from '@povgraph/errors';
import { recordAudit, type AuditInput } from '@povgraph/db';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { capitalProblem, disbursementProblem, remainingCapital } from '../domain/capital';
import { acceptsDisbursement, earliestDay, transition, WorkAction } from '../domain/workflow';
import { InfrastructureProject, ProjectCommune, WorkStatus, type WorkCategory, type WorkKind } from '../entities';
import type { ApproveInfrastructureProjectInput } from '../generated/resolvers';
import { isUuid, requireMoney, requireNotInFuture, requireText, requireYear, todayInVietnam } from '@povgraph/validation';
import type { CommuneRegistry } from './CommuneRegistry';

const UNIQUE_VIOLATION = '23505';
/** More communes than any one work serves; keeps the registry question small. */
const MAX_COMMUNES = 50;
/** Most items one batch call takes: one transaction, one question to the registry. */
export const MAX_BATCH = 1000;
/** How AreaGuard names what is being written. */
const AREA_WHAT = 'a Dự án 1 work';

/**
 * Names the argument `field` of item `i` in an error: `inputs.3.name` in a batch
 * (the default), `input.name` or `startedOn` for the one item of a mutation.
 */
export type FieldOf = (i: number, field: string) => string;
export const batchField: FieldOf = (i, field) => `inputs.${i}.${field}`;
/** The mutations that take `input: {…}`. */
const inputField: FieldOf = (_, field) => `input.${field}`;
/** The mutations that take plain arguments (`id`, `startedOn`, `amount`…). */
const argumentField: FieldOf = (_, field) => field;

export interface StartInput {
  id: string;
  startedOn: string;
}

export interface CompleteInput {
  id: string;
  completedOn: string;
}

export interface DisbursementInput {
  id: string;
  amount: number;
  disbursedOn: string;
}

/** A dated step of a work's life: the day, and the argument that carries it. */
interface DatedStep {
  action: WorkAction;
  day: string;
  field: string;
  label: string;
}

/** One status change of a batch: which work (and the argument naming it), the step, what else changes. */
interface Move {
  id: string;
  idField: string;
  step: DatedStep;
  apply(project: InfrastructureProject): void;
}

/** A disbursement row about to be written (its id made here, so the batch needs no RETURNING order). */
interface NewDisbursement {
  id: string;
  projectId: string;
  amount: number;
  disbursedOn: string;
}

/**
 * Dự án 1 works: approval, construction, completion, cancellation, disbursement.
 * Every write checks the role, then its input, then (through the graph) the
 * communes and the caller's area, and only then writes, in one transaction with
 * its audit rows. Each write has a batch form (`approveMany`, `startMany`,
 * `completeMany`, `disburseMany`: the demo dataset and imports) that checks every
 * item with the same rules, refuses the whole batch naming `inputs.<i>.<field>` of
 * the first bad item, and costs one registry question and one transaction; the
 * mutations call it with their one item, so both go through one code path.
 */
export class ProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: CommuneRegistry,
    private readonly areas: AreaGuard,
  ) {}

  async approve(context: BaseContext, input: ApproveInfrastructureProjectInput): Promise<InfrastructureProject> {
    return (await this.approveMany(context, [input], inputField))[0]!;
  }

  /** Phê duyệt: many works at once, all or none. */
  async approveMany(context: BaseContext, inputs: readonly ApproveInfrastructureProjectInput[], fieldOf: FieldOf = batchField): Promise<InfrastructureProject[]> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'approve Dự án 1 works');
    requireBatchSize(inputs.length);
    if (inputs.length === 0) return [];
    const approvals = inputs.map((input, i) => ({
      project: this.checkApproval(input, (field) => fieldOf(i, field)),
      communeCodes: checkCommuneList(input.communeCodes, (field) => fieldOf(i, field)),
    }));
    await this.registry.requireCommuneLists(
      caller,
      approvals.map(({ project, communeCodes }, i) => ({ codes: communeCodes, on: project.approvedOn, fieldOf: (j) => fieldOf(i, `communeCodes.${j}`) })),
      context.requestId,
    );
    // The guard caches the caller's area: one registry question however many works.
    for (const { communeCodes } of approvals) await this.areas.assertServes(caller, communeCodes, AREA_WHAT, context.requestId);
    const projects = approvals.map(({ project }) => project);
    await this.requireNewNames(projects, fieldOf);
    for (const project of projects) project.id = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const column = <T>(pick: (project: InfrastructureProject) => T) => projects.map(pick);
        await manager.query(
          `INSERT INTO infrastructure_projects (id, name, category, kind, programme_year, approved_on, status, investment_capital, recurrent_capital, disbursed, investor)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[], $11::text[])`,
          [
            column((p) => p.id),
            column((p) => p.name),
            column((p) => p.category),
            column((p) => p.kind),
            column((p) => p.programmeYear),
            column((p) => p.approvedOn),
            column((p) => p.status),
            column((p) => p.investmentCapital),
            column((p) => p.recurrentCapital),
            column((p) => p.disbursed),
            column((p) => p.investor),
          ],
        );
        const links = approvals.flatMap(({ project, communeCodes }) => communeCodes.map((code, position) => ({ id: project.id, code, position })));
        await manager.query(`INSERT INTO project_communes (project_id, commune_code, position) SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])`, [
          links.map((link) => link.id),
          links.map((link) => link.code),
          links.map((link) => link.position),
        ]);
        const saved = inOrder(
          projects.map((p) => p.id),
          await manager.findBy(InfrastructureProject, { id: In(projects.map((p) => p.id)) }),
        );
        await recordAudit(
          manager,
          saved.map((project, i) => ({
            caller,
            requestId: context.requestId,
            action: 'approveInfrastructureProject',
            entityType: 'InfrastructureProject',
            entityId: project.id,
            before: null,
            after: { ...project, communeCodes: approvals[i]!.communeCodes },
          })),
        );
        return saved;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        // Another clerk approved a work of the same name between the check and the insert: name it.
        await this.requireNewNames(projects, fieldOf);
        throw this.duplicateName(projects[0]!, null, fieldOf(0, 'name'));
      }
      throw error;
    }
  }

  /** Khởi công: APPROVED → UNDER_CONSTRUCTION, on or after the approval. */
  async start(context: BaseContext, id: string, startedOn: string): Promise<InfrastructureProject> {
    return (await this.startMany(context, [{ id, startedOn }], argumentField))[0]!;
  }

  async startMany(context: BaseContext, inputs: readonly StartInput[], fieldOf: FieldOf = batchField): Promise<InfrastructureProject[]> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'record the start of construction');
    const moves = inputs.map(({ id, startedOn }, i): Move => ({
      id,
      idField: fieldOf(i, 'id'),
      step: { action: WorkAction.START, day: startedOn, field: fieldOf(i, 'startedOn'), label: 'The start date' },
      apply: (project) => {
        project.startedOn = startedOn;
      },
    }));
    return this.moveMany(context, caller, 'startInfrastructureWork', moves);
  }

  /** Hoàn thành: UNDER_CONSTRUCTION → COMPLETED, on or after the start. */
  async complete(context: BaseContext, id: string, completedOn: string): Promise<InfrastructureProject> {
    return (await this.completeMany(context, [{ id, completedOn }], argumentField))[0]!;
  }

  async completeMany(context: BaseContext, inputs: readonly CompleteInput[], fieldOf: FieldOf = batchField): Promise<InfrastructureProject[]> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'record the completion of works');
    const moves = inputs.map(({ id, completedOn }, i): Move => ({
      id,
      idField: fieldOf(i, 'id'),
      step: { action: WorkAction.COMPLETE, day: completedOn, field: fieldOf(i, 'completedOn'), label: 'The completion date' },
      apply: (project) => {
        project.completedOn = completedOn;
      },
    }));
    return this.moveMany(context, caller, 'completeInfrastructureWork', moves);
  }

  /** Dừng / hủy: APPROVED or UNDER_CONSTRUCTION → CANCELLED, today, with the reason. */
  async cancel(context: BaseContext, id: string, reason: string): Promise<InfrastructureProject> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'cancel Dự án 1 works');
    const why = requireText('reason', reason, 'The reason for cancelling', 500);
    const today = todayInVietnam();
    const move: Move = {
      id,
      idField: 'id',
      step: { action: WorkAction.CANCEL, day: today, field: 'id', label: 'The cancellation date' },
      apply: (project) => {
        project.cancelledOn = today;
        project.cancellationReason = why;
      },
    };
    return (await this.moveMany(context, caller, 'cancelInfrastructureProject', [move]))[0]!;
  }

  /** Giải ngân: adds `amount` to what the work has been paid, never beyond its two capitals. */
  async disburse(context: BaseContext, id: string, amount: number, disbursedOn: string): Promise<InfrastructureProject> {
    return (await this.disburseMany(context, [{ id, amount, disbursedOn }], argumentField))[0]!;
  }

  /**
   * Many disbursements at once, applied in order (several to one work add up and
   * are checked against its capital one after another); all or none.
   */
  async disburseMany(context: BaseContext, inputs: readonly DisbursementInput[], fieldOf: FieldOf = batchField): Promise<InfrastructureProject[]> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'record disbursements');
    requireBatchSize(inputs.length);
    inputs.forEach(({ amount, disbursedOn }, i) => {
      if (!Number.isSafeInteger(amount) || amount <= 0) throw badUserInput(fieldOf(i, 'amount'), `A disbursement must be a whole number of đồng, more than 0; got ${amount}.`);
      requireNotInFuture(fieldOf(i, 'disbursedOn'), disbursedOn, 'The disbursement date');
    });
    const targets = inputs.map(({ id }, i) => ({ id, idField: fieldOf(i, 'id') }));
    return this.changeMany(context, caller, 'recordDisbursement', targets, (project, i) => {
      const { amount, disbursedOn } = inputs[i]!;
      if (!acceptsDisbursement(project.status)) {
        throw conflict(`Work “${project.name}” is ${project.status}; nothing more may be disbursed to it (only works that are APPROVED, UNDER_CONSTRUCTION or COMPLETED receive payments).`, {
          field: fieldOf(i, 'id'),
          status: project.status,
        });
      }
      if (disbursedOn < project.approvedOn) {
        throw badUserInput(fieldOf(i, 'disbursedOn'), `The disbursement date ${disbursedOn} is before the approval of work “${project.name}” on ${project.approvedOn}.`);
      }
      const problem = disbursementProblem(project, amount);
      if (problem) throw badUserInput(fieldOf(i, 'amount'), `Work “${project.name}”: ${problem}`, { remaining: remainingCapital(project) });
      project.disbursed += amount;
      return { id: randomUUID(), projectId: project.id, amount, disbursedOn };
    });
  }

  private checkApproval(input: ApproveInfrastructureProjectInput, fieldOf: (field: string) => string): InfrastructureProject {
    const investmentCapital = requireMoney(fieldOf('investmentCapital'), input.investmentCapital, 'The investment capital');
    const recurrentCapital = requireMoney(fieldOf('recurrentCapital'), input.recurrentCapital, 'The recurrent capital');
    const name = requireText(fieldOf('name'), input.name, 'The name of the work');
    const programmeYear = requireYear(fieldOf('programmeYear'), input.programmeYear);
    const approvedOn = requireNotInFuture(fieldOf('approvedOn'), input.approvedOn, 'The approval date');
    const problem = capitalProblem({ investmentCapital, recurrentCapital });
    if (problem) throw badUserInput(fieldOf('investmentCapital'), problem);
    return this.dataSource.getRepository(InfrastructureProject).create({
      name,
      category: input.category as WorkCategory,
      kind: input.kind as WorkKind,
      programmeYear,
      approvedOn,
      startedOn: null,
      completedOn: null,
      cancelledOn: null,
      cancellationReason: null,
      status: WorkStatus.APPROVED,
      investmentCapital,
      recurrentCapital,
      disbursed: 0,
      investor: requireText(fieldOf('investor'), input.investor, 'The investor (chủ đầu tư)'),
    });
  }

  /**
   * One live work per name, investor and programme year: refuses a name used twice
   * in the batch or already taken in the database (one statement for the batch).
   */
  private async requireNewNames(projects: readonly InfrastructureProject[], fieldOf: FieldOf): Promise<void> {
    const keyOf = (p: InfrastructureProject) => `${p.programmeYear}|${p.investor.toLowerCase()}|${p.name.toLowerCase()}`;
    const seen = new Map<string, number>();
    projects.forEach((project, i) => {
      const earlier = seen.get(keyOf(project));
      if (earlier !== undefined) {
        throw conflict(`${project.investor} has two works named “${project.name}” in the ${project.programmeYear} programme in this batch (items ${earlier} and ${i}); give each work a name of its own.`, {
          field: fieldOf(i, 'name'),
        });
      }
      seen.set(keyOf(project), i);
    });
    const [taken]: Array<{ i: number; id: string }> = await this.dataSource.query(
      `SELECT (t.i - 1)::int AS i, p.id
       FROM unnest($1::int[], $2::text[], $3::text[]) WITH ORDINALITY AS t(year, investor, name, i)
       JOIN infrastructure_projects p
         ON p.programme_year = t.year AND lower(p.investor) = lower(t.investor) AND lower(p.name) = lower(t.name) AND p.status <> 'CANCELLED'
       ORDER BY t.i LIMIT 1`,
      [projects.map((p) => p.programmeYear), projects.map((p) => p.investor), projects.map((p) => p.name)],
    );
    if (taken) throw this.duplicateName(projects[taken.i]!, taken.id, fieldOf(taken.i, 'name'));
  }

  private duplicateName(project: InfrastructureProject, otherId: string | null, field: string) {
    const other = otherId ? ` (id ${otherId})` : '';
    return conflict(
      `${project.investor} already has a work named “${project.name}” in the ${project.programmeYear} programme${other}; give this work a name of its own, or cancel the other first.`,
      { field },
    );
  }

  /** Status changes: each day first, then the works and the area, then the transition table inside the transaction. */
  private async moveMany(context: BaseContext, caller: Caller, action: string, moves: readonly Move[]): Promise<InfrastructureProject[]> {
    requireBatchSize(moves.length);
    for (const { step } of moves) requireNotInFuture(step.field, step.day, step.label);
    return this.changeMany(context, caller, action, moves, (project, i) => {
      const { step, idField, apply } = moves[i]!;
      const result = transition(project.status, step.action);
      if (!result.allowed) {
        throw conflict(`Work “${project.name}”: ${result.message}`, { field: idField, status: result.current, allowedStatuses: result.allowedStatuses });
      }
      const earliest = earliestDay(step.action, project);
      if (step.day < earliest.day) throw badUserInput(step.field, `${step.label} ${step.day} is before ${earliest.event} of work “${project.name}” on ${earliest.day}.`);
      project.status = result.next;
      apply(project);
    });
  }

  /**
   * Finds the works (NOT_FOUND naming the item's id), checks the caller serves
   * them, then in one transaction locks them, lets `apply` check and change each
   * item in order (throwing rolls everything back), and writes the works, any new
   * disbursements and every audit row in one statement each.
   */
  private async changeMany(
    context: BaseContext,
    caller: Caller,
    action: string,
    targets: ReadonlyArray<{ id: string; idField: string }>,
    apply: (project: InfrastructureProject, i: number) => NewDisbursement | void,
  ): Promise<InfrastructureProject[]> {
    if (targets.length === 0) return [];
    const ids = await this.findAllOrFail(targets);
    await this.assertServes(caller, ids, context.requestId);
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager.createQueryBuilder(InfrastructureProject, 'p').setLock('pessimistic_write').where('p.id IN (:...ids)', { ids }).orderBy('p.id').getMany();
      const byId = new Map(locked.map((project) => [project.id, project]));
      const audits: AuditInput[] = [];
      const disbursements: NewDisbursement[] = [];
      targets.forEach(({ id }, i) => {
        const project = byId.get(id)!;
        const before = { ...project };
        const disbursement = apply(project, i);
        audits.push({ caller, requestId: context.requestId, action, entityType: 'InfrastructureProject', entityId: id, before, after: { ...project } });
        if (disbursement) {
          disbursements.push(disbursement);
          audits.push({ caller, requestId: context.requestId, action, entityType: 'Disbursement', entityId: disbursement.id, before: null, after: disbursement });
        }
      });
      await manager.query(
        `UPDATE infrastructure_projects p
         SET status = u.status, started_on = u.started_on, completed_on = u.completed_on, cancelled_on = u.cancelled_on,
             cancellation_reason = u.reason, disbursed = u.disbursed, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::date[], $6::text[], $7::bigint[])
           AS u(id, status, started_on, completed_on, cancelled_on, reason, disbursed)
         WHERE p.id = u.id`,
        [
          locked.map((p) => p.id),
          locked.map((p) => p.status),
          locked.map((p) => p.startedOn),
          locked.map((p) => p.completedOn),
          locked.map((p) => p.cancelledOn),
          locked.map((p) => p.cancellationReason),
          locked.map((p) => p.disbursed),
        ],
      );
      if (disbursements.length) {
        await manager.query(`INSERT INTO disbursements (id, project_id, amount, disbursed_on) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::date[])`, [
          disbursements.map((d) => d.id),
          disbursements.map((d) => d.projectId),
          disbursements.map((d) => d.amount),
          disbursements.map((d) => d.disbursedOn),
        ]);
      }
      await recordAudit(manager, audits);
      const saved = new Map((await manager.findBy(InfrastructureProject, { id: In(ids) })).map((project) => [project.id, project]));
      return targets.map(({ id }) => saved.get(id)!);
    });
  }

  /** The distinct ids of the targets, once each is known to name a work (one statement). */
  private async findAllOrFail(targets: ReadonlyArray<{ id: string; idField: string }>): Promise<string[]> {
    const valid = [...new Set(targets.map((t) => t.id).filter(isUuid))];
    const rows: Array<{ id: string }> = valid.length ? await this.dataSource.query(`SELECT id FROM infrastructure_projects WHERE id = ANY($1::uuid[])`, [valid]) : [];
    const known = new Set(rows.map((row) => row.id));
    const missing = targets.find((t) => !known.has(t.id));
    if (missing) throw notFound(`No Dự án 1 work has id ${missing.id}.`, { field: missing.idField });
    return valid;
  }

  /** The caller must serve every commune of every work (ADMIN and nationwide callers pass); one statement. */
  private async assertServes(caller: Caller, projectIds: readonly string[], requestId: string): Promise<void> {
    const communes = await this.dataSource.getRepository(ProjectCommune).find({ where: { projectId: In([...projectIds]) }, order: { projectId: 'ASC', position: 'ASC' } });
    for (const id of projectIds) {
      await this.areas.assertServes(
        caller,
        communes.filter((commune) => commune.projectId === id).map((commune) => commune.communeCode),
        AREA_WHAT,
        requestId,
      );
    }
  }
}

function requireBatchSize(count: number): void {
  if (count > MAX_BATCH) throw badUserInput('inputs', `A batch may hold at most ${MAX_BATCH} items; got ${count}. Split it.`);
}

/** Rows in the order of `ids`. */
function inOrder(ids: readonly string[], rows: readonly InfrastructureProject[]): InfrastructureProject[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

/** At least one commune, no more than MAX_COMMUNES, none twice. */
function checkCommuneList(codes: readonly string[], fieldOf: (field: string) => string): string[] {
  if (codes.length === 0) throw badUserInput(fieldOf('communeCodes'), 'List at least one commune the work serves.');
  if (codes.length > MAX_COMMUNES) throw badUserInput(fieldOf('communeCodes'), `A work may list at most ${MAX_COMMUNES} communes; got ${codes.length}.`);
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) throw badUserInput(fieldOf(`communeCodes.${i}`), `Commune ${code} is listed twice; list each commune once.`);
    seen.add(code);
  });
  return [...codes];
}
