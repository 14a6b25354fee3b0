import type { DataSource } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { recordAudit } from '@povgraph/db';
import { badUserInput, conflict, notEligible, notFound } from '@povgraph/errors';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { loanProblem } from '../domain/loanLink';
import { grantProblem, ineligibilities } from '../domain/supportRules';
import { allowedNext, transitionProblem } from '../domain/transitions';
import { HousingStatus, HousingSupport, type HousingKind, type HousingSource } from '../entities';
import type { ApproveHousingSupportInput } from '../generated/resolvers';
import { isUuid, optionalText, requireFloorArea, requireNotInFuture, requireText } from '../validation';
import type { CreditLedger } from './CreditLedger';
import type { HouseholdRegistry } from './HouseholdRegistry';
import type { SupportRuleService } from './SupportRuleService';

const UNIQUE_VIOLATION = '23505';
const { APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED } = HousingStatus;

/** What one transition changes besides the status. */
type Changes = Partial<Pick<HousingSupport, 'startedOn' | 'completedOn' | 'cancelledOn' | 'cancellationReason' | 'floorAreaM2' | 'membersAtCompletion'>>;

/**
 * Housing support (Dự án 5 and other sources): approval against the rule in force
 * and the registry, then works from start to completion, or a cancellation.
 */
export class HousingSupportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: SupportRuleService,
    private readonly registry: HouseholdRegistry,
    private readonly credit: CreditLedger,
    private readonly areas: AreaGuard,
  ) {}

  async approve(context: BaseContext, input: ApproveHousingSupportInput): Promise<HousingSupport> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'approve housing support');
    const kind = input.kind as HousingKind;
    const source = input.source as HousingSource;
    const sponsor = optionalText('input.sponsor', input.sponsor, 'The sponsor’s name', 200);
    const approvedOn = requireNotInFuture('input.approvedOn', input.approvedOn, 'The approval date');
    const rule = await this.rules.requireInForce(source, kind, approvedOn);
    const grantError = grantProblem(rule, input.grantAmount);
    if (grantError) throw badUserInput('input.grantAmount', grantError);
    if (!isUuid(input.householdId)) throw notFound(`No household has id ${input.householdId}.`, { field: 'input.householdId' });
    const loanId = input.loanId?.trim() || null;
    if (loanId !== null && !isUuid(loanId)) throw badUserInput('input.loanId', `${JSON.stringify(loanId)} is not a VBSP loan id; copy the id of the loan as the graph shows it.`);

    const household = await this.registry.forApproval(caller, input.householdId, approvedOn, context.requestId);
    if (!household) throw notFound(`The household registry has no household with id ${input.householdId}.`, { field: 'input.householdId' });
    await this.areas.assertServes(caller, [household.communeCode], 'approving housing support', context.requestId);
    if (approvedOn < household.registeredOn) {
      throw badUserInput('input.approvedOn', `Household ${household.code} was registered on ${household.registeredOn}; support cannot be approved before that (got ${approvedOn}).`);
    }
    const problems = ineligibilities(rule, {
      code: household.code,
      communeCode: household.communeCode,
      status: household.statusOn,
      statusOn: approvedOn,
      inPoorDistrict: household.commune.inPoorDistrict,
    });
    if (problems.length) {
      throw notEligible(`Household ${household.code} does not qualify for ${source} ${kind} support on ${approvedOn}: ${problems.map((p) => p.message).join('; ')}.`, {
        field: 'input.householdId',
        reasons: problems.map((p) => p.reason),
      });
    }
    if (loanId !== null) {
      const problem = loanProblem(loanId, await this.credit.loan(caller, loanId, context.requestId), household.id);
      if (problem) throw badUserInput('input.loanId', problem);
    }

    const support = this.dataSource.getRepository(HousingSupport).create({
      householdId: household.id,
      communeCode: household.communeCode,
      kind,
      source,
      sponsor,
      approvedOn,
      grantAmount: input.grantAmount,
      loanId,
      status: APPROVED,
      startedOn: null,
      completedOn: null,
      cancelledOn: null,
      cancellationReason: null,
      floorAreaM2: null,
      membersAtCompletion: null,
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(support);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'approveHousingSupport', entityType: 'HousingSupport', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      throw await this.duplicate(error as { constraint?: string }, household.code, household.id, source, loanId);
    }
  }

  /** The CONFLICT for a unique violation, naming the support already on record. */
  private async duplicate(error: { constraint?: string }, code: string, householdId: string, source: HousingSource, loanId: string | null) {
    const active = this.dataSource.getRepository(HousingSupport).createQueryBuilder('s').where(`s.status <> :cancelled`, { cancelled: CANCELLED });
    if (error.constraint === 'housing_supports_loan_key') {
      const other = await active.andWhere('s.loan_id = :loanId', { loanId }).getOne();
      return conflict(`Loan ${loanId} already co-finances housing support ${other?.id ?? ''} (${other?.source ?? 'another source'}); a housing loan finances one house.`, { field: 'input.loanId' });
    }
    const other = await active.andWhere('s.household_id = :householdId AND s.source = :source', { householdId, source }).getOne();
    const existing = other ? ` (support ${other.id}, ${other.kind} approved on ${other.approvedOn}, now ${other.status})` : '';
    return conflict(`Household ${code} already has housing support from ${source}${existing}; a source supports a household once. Cancel that support first if this one replaces it.`, {
      field: 'input.source',
    });
  }

  async start(context: BaseContext, id: string, startedOn: string): Promise<HousingSupport> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'record the start of housing works');
    requireNotInFuture('startedOn', startedOn, 'The start date');
    const support = await this.find(id);
    await this.areas.assertServes(caller, [support.communeCode], 'recording housing works', context.requestId);
    requireTransition(support, UNDER_CONSTRUCTION);
    if (startedOn < support.approvedOn) throw badUserInput('startedOn', `Works cannot start on ${startedOn}, before the support was approved on ${support.approvedOn}.`);
    return this.move(context, caller, 'startConstruction', support, UNDER_CONSTRUCTION, { startedOn });
  }

  async complete(context: BaseContext, id: string, completedOn: string, floorAreaM2: number | null | undefined): Promise<HousingSupport> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'record the completion of housing works');
    requireNotInFuture('completedOn', completedOn, 'The completion date');
    const area = floorAreaM2 == null ? null : requireFloorArea('floorAreaM2', floorAreaM2);
    const support = await this.find(id);
    await this.areas.assertServes(caller, [support.communeCode], 'recording housing works', context.requestId);
    requireTransition(support, COMPLETED);
    if (completedOn < support.startedOn!) throw badUserInput('completedOn', `Works cannot be completed on ${completedOn}, before they started on ${support.startedOn}.`);
    // Area per person divides by the members the registry lists on the completion day.
    const members = area === null ? null : await this.registry.members(caller, support.householdId, context.requestId);
    return this.move(context, caller, 'completeConstruction', support, COMPLETED, { completedOn, floorAreaM2: area, membersAtCompletion: members });
  }

  async cancel(context: BaseContext, id: string, cancelledOn: string, reason: string): Promise<HousingSupport> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'cancel housing support');
    requireNotInFuture('cancelledOn', cancelledOn, 'The cancellation date');
    const why = requireText('reason', reason, 'The reason for cancelling', 500);
    const support = await this.find(id);
    await this.areas.assertServes(caller, [support.communeCode], 'cancelling housing support', context.requestId);
    requireTransition(support, CANCELLED);
    const earliest = support.startedOn ?? support.approvedOn;
    if (cancelledOn < earliest) {
      const event = support.startedOn ? `works started on ${support.startedOn}` : `it was approved on ${support.approvedOn}`;
      throw badUserInput('cancelledOn', `The support cannot be cancelled on ${cancelledOn}, before ${event}.`);
    }
    return this.move(context, caller, 'cancelHousingSupport', support, CANCELLED, { cancelledOn, cancellationReason: why });
  }

  private async find(id: string): Promise<HousingSupport> {
    const support = isUuid(id) ? await this.dataSource.getRepository(HousingSupport).findOneBy({ id }) : null;
    if (!support) throw notFound(`No housing support has id ${id}.`, { field: 'id' });
    return support;
  }

  /**
   * Moves the support to `to` in one transaction with its audit row. The row is
   * locked and its status read again: when a clerk changed it meanwhile, their
   * change stands and this one is refused (its dates were checked against the old row).
   */
  private async move(context: BaseContext, caller: Caller, action: string, checked: HousingSupport, to: HousingStatus, changes: Changes): Promise<HousingSupport> {
    return this.dataSource.transaction(async (manager) => {
      const support = await manager.getRepository(HousingSupport).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id: checked.id }).getOneOrFail();
      if (support.status !== checked.status) {
        throw conflict(`Housing support ${support.id} became ${support.status} while this change was being checked; reload it and try again.`, {
          status: support.status,
          allowed: [...allowedNext(support.status)],
        });
      }
      const before = { ...support };
      Object.assign(support, changes, { status: to });
      const saved = await manager.save(support);
      await recordAudit(manager, { caller, requestId: context.requestId, action, entityType: 'HousingSupport', entityId: saved.id, before, after: saved });
      return saved;
    });
  }
}

/** CONFLICT naming the current status and what may follow it. */
function requireTransition(support: HousingSupport, to: HousingStatus): void {
  const problem = transitionProblem(support.status, to);
  if (problem) throw conflict(`Housing support ${support.id}: ${problem}`, { status: support.status, allowed: [...allowedNext(support.status)] });
}
