import type { DataSource, EntityManager } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { recordAudit } from '@povgraph/db';
import { badUserInput, conflict, notEligible, notFound } from '@povgraph/errors';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { differingFields } from '../domain/idempotency';
import { addMonths, capCheck, describeStatuses, formatVnd, overdueRateOf, qualifies, ruleInForce } from '../domain/rules';
import { Loan, type CreditProgramme, type EntrustingOrganisation, type ProgrammeRule } from '../entities';
import type { DisburseLoanInput } from '../generated/resolvers';
import { isUuid, requireIdempotencyKey, requireNotInFuture, requirePositiveMoney, requireText } from '../validation';
import type { HouseholdRegistry } from './HouseholdRegistry';
import type { ProgrammeRuleService } from './ProgrammeRuleService';

/** A household as other types point to it: credit only knows its id (households resolves the rest). */
export interface HouseholdReference {
  id: string;
}

/** The request as checked, in the shape of the loan it would create. */
type Disbursement = Pick<
  Loan,
  'householdId' | 'programme' | 'principal' | 'termMonths' | 'disbursedOn' | 'transactionOffice' | 'savingsGroup' | 'entrustingOrganisation' | 'purpose' | 'idempotencyKey'
>;

/** What must match for a repeated idempotency key to be the same disbursement. */
const SAME_DISBURSEMENT: ReadonlyArray<keyof Disbursement> = [
  'householdId',
  'programme',
  'principal',
  'termMonths',
  'disbursedOn',
  'transactionOffice',
  'savingsGroup',
  'entrustingOrganisation',
  'purpose',
];

const UNIQUE_VIOLATION = '23505';

/** Disbursement (giải ngân): every rule checked first, then one transaction with its audit row. */
export class LoanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: ProgrammeRuleService,
    private readonly registry: HouseholdRegistry,
    private readonly areas: AreaGuard,
  ) {}

  /**
   * Disburses a loan, or returns the loan an earlier request with the same
   * idempotency key disbursed. Order: role, input, replay, programme rule, the
   * registry (household, area, registration, eligibility), then the cap inside the
   * transaction, under a per-household lock so two tellers cannot both use the headroom.
   */
  async disburse(context: BaseContext, input: DisburseLoanInput): Promise<Loan> {
    const caller = requireRole(context.caller, [Role.BANK_OFFICER], 'disburse loans');
    const request = this.check(input);
    const replayed = await this.replay(caller, request, context.requestId);
    if (replayed) return replayed;

    const rule = this.requireRule(request, await this.rules.list());
    const household = isUuid(request.householdId) ? await this.registry.householdOn(caller, request.householdId, request.disbursedOn, context.requestId) : null;
    if (!household) throw notFound(`The household registry has no household with id ${request.householdId}.`, { field: 'input.householdId' });
    await this.areas.assertServes(caller, [household.communeCode], 'disbursing a loan', context.requestId);
    if (request.disbursedOn < household.registeredOn) {
      throw badUserInput('input.disbursedOn', `Household ${household.code} was registered on ${household.registeredOn}; a loan cannot be disbursed to it on ${request.disbursedOn}.`);
    }
    if (!qualifies(rule.qualifyingStatuses, household.statusOn)) {
      const covered = describeStatuses(rule.qualifyingStatuses);
      const standing =
        household.statusOn === null
          ? `has no poverty review on or before ${request.disbursedOn}, so it has no status`
          : `was ${household.statusOn} on ${request.disbursedOn}`;
      throw notEligible(`Household ${household.code} ${standing}; ${request.programme} lends only to ${covered} households.`, {
        field: 'input.householdId',
        status: household.statusOn,
        qualifyingStatuses: rule.qualifyingStatuses,
      });
    }

    const loan = this.dataSource.getRepository(Loan).create({
      ...request,
      annualRate: rule.annualRate,
      overdueAnnualRate: overdueRateOf(rule.annualRate, rule.overdueRatePercentOfNormal),
      maturesOn: addMonths(request.disbursedOn, request.termMonths),
      communeCode: household.communeCode,
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`credit:household:${loan.householdId}`]);
        const owed = await owedUnder(manager, loan.householdId, loan.programme, loan.disbursedOn);
        const { allowed, headroom } = capCheck(rule.maxPrincipalPerHousehold, owed, loan.principal);
        if (!allowed) {
          throw badUserInput(
            'input.principal',
            `${loan.programme} lends at most ${formatVnd(rule.maxPrincipalPerHousehold)} per household; household ${household.code} still owes ${formatVnd(owed)} under it on ${loan.disbursedOn}, so at most ${formatVnd(headroom)} more can be lent, not ${formatVnd(loan.principal)}.`,
          );
        }
        const saved = await manager.save(loan);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'disburseLoan', entityType: 'Loan', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      // The same key arrived twice at once: the other request won; answer with its loan.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const winner = await this.replay(caller, request, context.requestId);
        if (winner) return winner;
        throw conflict('This disbursement clashed with another one recorded meanwhile; reload and try again.', { field: 'input.idempotencyKey' });
      }
      throw error;
    }
  }

  private check(input: DisburseLoanInput): Disbursement {
    return {
      idempotencyKey: requireIdempotencyKey('input.idempotencyKey', input.idempotencyKey),
      householdId: input.householdId.trim(),
      programme: input.programme as CreditProgramme,
      principal: requirePositiveMoney('input.principal', input.principal, 'The principal'),
      termMonths: input.termMonths,
      disbursedOn: requireNotInFuture('input.disbursedOn', input.disbursedOn, 'The disbursement date'),
      transactionOffice: requireText('input.transactionOffice', input.transactionOffice, 'The transaction office'),
      savingsGroup: requireText('input.savingsGroup', input.savingsGroup, 'The savings-and-loan group'),
      entrustingOrganisation: input.entrustingOrganisation as EntrustingOrganisation,
      purpose: requireText('input.purpose', input.purpose, 'The purpose', 500),
    };
  }

  /** The programme's rule on the disbursement date, with the principal and term inside its limits. */
  private requireRule(request: Disbursement, rules: ProgrammeRule[]): ProgrammeRule {
    const rule = ruleInForce(rules, request.programme, request.disbursedOn);
    if (!rule) {
      const periods = rules.filter((r) => r.programme === request.programme).map((r) => (r.validTo ? `${r.validFrom} to ${r.validTo}` : `from ${r.validFrom}`));
      const known = periods.length ? `its rules on record apply ${periods.join(', ')}` : 'it has no rule on record yet';
      throw badUserInput('input.programme', `No ${request.programme} rule is in force on ${request.disbursedOn}; ${known}.`);
    }
    if (request.principal > rule.maxPrincipalPerHousehold) {
      throw badUserInput('input.principal', `${request.programme} lends at most ${formatVnd(rule.maxPrincipalPerHousehold)} per household; ${formatVnd(request.principal)} is above it.`);
    }
    if (!Number.isInteger(request.termMonths) || request.termMonths < 1 || request.termMonths > rule.maxTermMonths) {
      throw badUserInput('input.termMonths', `${request.programme} loans run from 1 to ${rule.maxTermMonths} months; got ${request.termMonths}.`);
    }
    return rule;
  }

  /**
   * The loan an earlier request with this key disbursed, if its details are the
   * same (and the caller may act in its commune); CONFLICT if they differ.
   */
  private async replay(caller: Caller, request: Disbursement, requestId: string): Promise<Loan | null> {
    const existing = await this.dataSource.getRepository(Loan).findOneBy({ idempotencyKey: request.idempotencyKey });
    if (!existing) return null;
    const differences = differingFields<Disbursement>(existing, request, SAME_DISBURSEMENT);
    if (differences.length) {
      throw conflict(
        `Idempotency key ${request.idempotencyKey} was already used for loan ${existing.id} (disbursed on ${existing.disbursedOn}), which differs in ${differences.join(', ')}. Use a new key for a new loan.`,
        { field: 'input.idempotencyKey' },
      );
    }
    await this.areas.assertServes(caller, [existing.communeCode], 'disbursing a loan', requestId);
    return existing;
  }
}

/**
 * What a household still owes under a programme on `on`: the principal of its
 * loans less their repayments up to that day (a loan disbursed later counts whole).
 */
async function owedUnder(manager: EntityManager, householdId: string, programme: string, on: string): Promise<number> {
  const [row]: Array<{ owed: string }> = await manager.query(
    `SELECT coalesce(sum(l.principal - coalesce(p.repaid, 0)), 0)::text AS owed
     FROM loans l
     LEFT JOIN LATERAL (SELECT sum(r.amount) AS repaid FROM repayments r WHERE r.loan_id = l.id AND r.paid_on <= $3) p ON true
     WHERE l.household_id = $1 AND l.programme = $2`,
    [householdId, programme, on],
  );
  return Number(row!.owed);
}
