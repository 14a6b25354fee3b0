import type { DataSource, EntityManager } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { badUserInput, conflict, notFound } from '@povgraph/errors';
import { recordAudit, type AuditInput } from '@povgraph/db';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { capitalProblem, disbursementProblem, remainingCapital } from '../domain/capital';
import { acceptsDisbursement, earliestDay, transition, WorkAction } from '../domain/workflow';
import { Disbursement, InfrastructureProject, ProjectCommune, WorkStatus, type WorkCategory, type WorkKind } from '../entities';
import type { ApproveInfrastructureProjectInput } from '../generated/resolvers';
import { isUuid, requireMoney, requireNotInFuture, requireText, requireYear, todayInVietnam } from '@povgraph/validation';
import type { CommuneRegistry } from './CommuneRegistry';

const UNIQUE_VIOLATION = '23505';
/** More communes than any one work serves; keeps the registry question small. */
const MAX_COMMUNES = 50;
/** How AreaGuard names what is being written. */
const AREA_WHAT = 'a Dự án 1 work';

/** A dated step of a work's life: the day, and the argument that carries it. */
interface DatedStep {
  action: WorkAction;
  day: string;
  field: string;
  label: string;
}

/**
 * Dự án 1 works: approval, construction, completion, cancellation, disbursement.
 * Every write checks the role, then its input, then (through the graph) the
 * communes and the caller's area, and only then writes, in one transaction with
 * its audit rows.
 */
export class ProjectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: CommuneRegistry,
    private readonly areas: AreaGuard,
  ) {}

  async approve(context: BaseContext, input: ApproveInfrastructureProjectInput): Promise<InfrastructureProject> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'approve Dự án 1 works');
    const project = this.checkApproval(input);
    const communeCodes = checkCommuneList(input.communeCodes);
    await this.registry.requireCommunes(caller, communeCodes, project.approvedOn, (i) => `input.communeCodes.${i}`, context.requestId);
    await this.areas.assertServes(caller, communeCodes, AREA_WHAT, context.requestId);
    await this.requireNewName(project);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(project);
        await manager.query(
          `INSERT INTO project_communes (project_id, commune_code, position)
           SELECT $1, code, (ordinality - 1)::int FROM unnest($2::text[]) WITH ORDINALITY AS c(code, ordinality)`,
          [saved.id, communeCodes],
        );
        await recordAudit(manager, {
          caller,
          requestId: context.requestId,
          action: 'approveInfrastructureProject',
          entityType: 'InfrastructureProject',
          entityId: saved.id,
          before: null,
          after: { ...saved, communeCodes },
        });
        return saved;
      });
    } catch (error) {
      // Another clerk approved the same work between the check and the insert.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw this.duplicateName(project, null);
      throw error;
    }
  }

  /** Khởi công: APPROVED → UNDER_CONSTRUCTION, on or after the approval. */
  async start(context: BaseContext, id: string, startedOn: string): Promise<InfrastructureProject> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'record the start of construction');
    const step = { action: WorkAction.START, day: startedOn, field: 'startedOn', label: 'The start date' };
    return this.move(context, caller, 'startInfrastructureWork', id, step, (project) => {
      project.startedOn = startedOn;
    });
  }

  /** Hoàn thành: UNDER_CONSTRUCTION → COMPLETED, on or after the start. */
  async complete(context: BaseContext, id: string, completedOn: string): Promise<InfrastructureProject> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'record the completion of works');
    const step = { action: WorkAction.COMPLETE, day: completedOn, field: 'completedOn', label: 'The completion date' };
    return this.move(context, caller, 'completeInfrastructureWork', id, step, (project) => {
      project.completedOn = completedOn;
    });
  }

  /** Dừng / hủy: APPROVED or UNDER_CONSTRUCTION → CANCELLED, today, with the reason. */
  async cancel(context: BaseContext, id: string, reason: string): Promise<InfrastructureProject> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'cancel Dự án 1 works');
    const why = requireText('reason', reason, 'The reason for cancelling', 500);
    const today = todayInVietnam();
    const step = { action: WorkAction.CANCEL, day: today, field: 'id', label: 'The cancellation date' };
    return this.move(context, caller, 'cancelInfrastructureProject', id, step, (project) => {
      project.cancelledOn = today;
      project.cancellationReason = why;
    });
  }

  /** Giải ngân: adds `amount` to what the work has been paid, never beyond its two capitals. */
  async disburse(context: BaseContext, id: string, amount: number, disbursedOn: string): Promise<InfrastructureProject> {
    const caller = requireRole(context.caller, [Role.INVESTMENT_BOARD], 'record disbursements');
    if (!Number.isSafeInteger(amount) || amount <= 0) throw badUserInput('amount', `A disbursement must be a whole number of đồng, more than 0; got ${amount}.`);
    requireNotInFuture('disbursedOn', disbursedOn, 'The disbursement date');
    const found = await this.findOrFail(id);
    await this.assertServes(caller, found.id, context.requestId);
    return this.change(context, caller, 'recordDisbursement', found.id, async (project, manager) => {
      if (!acceptsDisbursement(project.status)) {
        throw conflict(`Work “${project.name}” is ${project.status}; nothing more may be disbursed to it (only works that are APPROVED, UNDER_CONSTRUCTION or COMPLETED receive payments).`, {
          field: 'id',
          status: project.status,
        });
      }
      if (disbursedOn < project.approvedOn) {
        throw badUserInput('disbursedOn', `The disbursement date ${disbursedOn} is before the approval of work “${project.name}” on ${project.approvedOn}.`);
      }
      const problem = disbursementProblem(project, amount);
      if (problem) throw badUserInput('amount', `Work “${project.name}”: ${problem}`, { remaining: remainingCapital(project) });
      const disbursement = await manager.save(manager.create(Disbursement, { projectId: project.id, amount, disbursedOn }));
      project.disbursed += amount;
      return [{ caller, requestId: context.requestId, action: 'recordDisbursement', entityType: 'Disbursement', entityId: disbursement.id, before: null, after: disbursement }];
    });
  }

  private checkApproval(input: ApproveInfrastructureProjectInput): InfrastructureProject {
    const investmentCapital = requireMoney('input.investmentCapital', input.investmentCapital, 'The investment capital');
    const recurrentCapital = requireMoney('input.recurrentCapital', input.recurrentCapital, 'The recurrent capital');
    const name = requireText('input.name', input.name, 'The name of the work');
    const programmeYear = requireYear('input.programmeYear', input.programmeYear);
    const approvedOn = requireNotInFuture('input.approvedOn', input.approvedOn, 'The approval date');
    const problem = capitalProblem({ investmentCapital, recurrentCapital });
    if (problem) throw badUserInput('input.investmentCapital', problem);
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
      investor: requireText('input.investor', input.investor, 'The investor (chủ đầu tư)'),
    });
  }

  private async requireNewName(project: InfrastructureProject): Promise<void> {
    const [taken]: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM infrastructure_projects
       WHERE programme_year = $1 AND lower(investor) = lower($2) AND lower(name) = lower($3) AND status <> 'CANCELLED' LIMIT 1`,
      [project.programmeYear, project.investor, project.name],
    );
    if (taken) throw this.duplicateName(project, taken.id);
  }

  private duplicateName(project: InfrastructureProject, otherId: string | null) {
    const other = otherId ? ` (id ${otherId})` : '';
    return conflict(
      `${project.investor} already has a work named “${project.name}” in the ${project.programmeYear} programme${other}; give this work a name of its own, or cancel the other first.`,
      { field: 'input.name' },
    );
  }

  /** A status change: input first, then the area, then the transition table inside the transaction. */
  private async move(context: BaseContext, caller: Caller, action: string, id: string, step: DatedStep, apply: (project: InfrastructureProject) => void): Promise<InfrastructureProject> {
    requireNotInFuture(step.field, step.day, step.label);
    const found = await this.findOrFail(id);
    await this.assertServes(caller, found.id, context.requestId);
    return this.change(context, caller, action, found.id, (project) => {
      const result = transition(project.status, step.action);
      if (!result.allowed) {
        throw conflict(`Work “${project.name}”: ${result.message}`, { field: 'id', status: result.current, allowedStatuses: result.allowedStatuses });
      }
      const earliest = earliestDay(step.action, project);
      if (step.day < earliest.day) throw badUserInput(step.field, `${step.label} ${step.day} is before ${earliest.event} of work “${project.name}” on ${earliest.day}.`);
      project.status = result.next;
      apply(project);
    });
  }

  /**
   * Locks the work, lets `apply` check and change it (throwing rolls everything
   * back), saves it and writes the audit rows, in one transaction.
   */
  private async change(
    context: BaseContext,
    caller: Caller,
    action: string,
    id: string,
    apply: (project: InfrastructureProject, manager: EntityManager) => Promise<AuditInput[] | void> | void,
  ): Promise<InfrastructureProject> {
    return this.dataSource.transaction(async (manager) => {
      const project = await manager.createQueryBuilder(InfrastructureProject, 'p').setLock('pessimistic_write').where('p.id = :id', { id }).getOneOrFail();
      const before = { ...project };
      const more = (await apply(project, manager)) ?? [];
      const saved = await manager.save(project);
      await recordAudit(manager, [{ caller, requestId: context.requestId, action, entityType: 'InfrastructureProject', entityId: id, before, after: saved }, ...more]);
      return saved;
    });
  }

  private async findOrFail(id: string): Promise<InfrastructureProject> {
    const project = isUuid(id) ? await this.dataSource.getRepository(InfrastructureProject).findOneBy({ id }) : null;
    if (!project) throw notFound(`No Dự án 1 work has id ${id}.`, { field: 'id' });
    return project;
  }

  /** The caller must serve every commune of the work (ADMIN and nationwide callers pass). */
  private async assertServes(caller: Caller, projectId: string, requestId: string): Promise<void> {
    const communes = await this.dataSource.getRepository(ProjectCommune).find({ where: { projectId }, order: { position: 'ASC' } });
    await this.areas.assertServes(caller, communes.map((commune) => commune.communeCode), AREA_WHAT, requestId);
  }
}

/** At least one commune, no more than MAX_COMMUNES, none twice. */
function checkCommuneList(codes: readonly string[]): string[] {
  if (codes.length === 0) throw badUserInput('input.communeCodes', 'List at least one commune the work serves.');
  if (codes.length > MAX_COMMUNES) throw badUserInput('input.communeCodes', `A work may list at most ${MAX_COMMUNES} communes; got ${codes.length}.`);
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) throw badUserInput(`input.communeCodes.${i}`, `Commune ${code} is listed twice; list each commune once.`);
    seen.add(code);
  });
  return [...codes];
}
