import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { batchAudit, recordAudit, type AuditGranularity } from '@povgraph/db';
import { badUserInput, conflict, notEligible, notFound } from '@povgraph/errors';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { differingFields } from '../domain/idempotency';
import { addMonths, capCheck, describeStatuses, formatVnd, overdueRateOf, qualifies, ruleInForce } from '../domain/rules';
import { Loan, type CreditProgramme, type EntrustingOrganisation, type ProgrammeRule } from '../entities';
import type { DisburseLoanInput } from '../generated/resolvers';
import { isUuid, requireIdempotencyKey, requireNotInFuture, requirePositiveMoney, requireText } from '../validation';
import { householdDayKey, type HouseholdRegistry, type RegistryHousehold } from './HouseholdRegistry';
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

/** Names an item's field in errors: `input.<field>` for one disbursement, `inputs.<i>.<field>` in a batch. */
type FieldOf = (index: number, field: string) => string;
const ONE: FieldOf = (_, field) => `input.${field}`;
const MANY: FieldOf = (index, field) => `inputs.${index}.${field}`;

/** Most disbursements `disburseMany` takes at once (one registry request, one transaction). */
export const MAX_BATCH = 5000;

/** Disbursement (giải ngân): every rule checked first, then one transaction with its audit rows. */
export class LoanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: ProgrammeRuleService,
    private readonly registry: HouseholdRegistry,
    private readonly areas: AreaGuard,
  ) {}

  /**
   * Disburses a loan, or returns the loan an earlier request with the same
   * idempotency key disbursed: `disburseMany` with one item, so a clerk's form
   * and a bulk import run the same rules.
   */
  async disburse(context: BaseContext, input: DisburseLoanInput): Promise<Loan> {
    const [loan] = await this.disburseAll(context, [input], ONE);
    return loan!;
  }

  /**
   * Disburses a batch (up to MAX_BATCH; a bank's import, the demo data), or returns
   * the loans earlier requests with the same keys disbursed. Every item passes the
   * rules of `disburseLoan`; one bad item refuses the whole batch, naming
   * `inputs.<i>.<field>`, and nothing is written. One registry request, one transaction.
   */
  disburseMany(context: BaseContext, inputs: readonly DisburseLoanInput[], audit: AuditGranularity = 'each'): Promise<Loan[]> {
    return this.disburseAll(context, inputs, MANY, audit);
  }

  /**
   * Order: role, input, replays, programme rules, the registry (household, area,
   * registration, eligibility), then the caps inside the transaction, under
   * per-household locks so two tellers cannot both use the headroom.
   */
  private async disburseAll(context: BaseContext, inputs: readonly DisburseLoanInput[], fieldOf: FieldOf, audit: AuditGranularity = 'each'): Promise<Loan[]> {
    const caller = requireRole(context.caller, [Role.BANK_OFFICER], 'disburse loans');
    if (inputs.length > MAX_BATCH) throw badUserInput('inputs', `Disburse at most ${MAX_BATCH.toLocaleString('en')} loans at a time; got ${inputs.length.toLocaleString('en')}.`);
    const requests = inputs.map((input, i) => this.check(input, (field) => fieldOf(i, field)));
    const seen = new Map<string, number>();
    requests.forEach((request, i) => {
      const first = seen.get(request.idempotencyKey);
      if (first !== undefined) throw badUserInput(fieldOf(i, 'idempotencyKey'), `Idempotency key ${request.idempotencyKey} is used twice in this batch (items ${first} and ${i}); each disbursement needs its own key.`);
      seen.set(request.idempotencyKey, i);
    });

    const replayed = await this.replay(caller, requests, fieldOf, context.requestId);
    const fresh = requests.map((request, i) => ({ request, i })).filter(({ i }) => !replayed[i]);
    if (!fresh.length) return replayed as Loan[];

    const rules = await this.rules.list();
    const ruleOf = fresh.map(({ request, i }) => this.requireRule(request, rules, (field) => fieldOf(i, field)));

    const asks = fresh.filter(({ request }) => isUuid(request.householdId)).map(({ request }) => ({ id: request.householdId, on: request.disbursedOn }));
    const found = await this.registry.householdsOn(caller, asks, context.requestId);
    const households = fresh.map(({ request, i }) => {
      const household = isUuid(request.householdId) ? found.get(householdDayKey(request.householdId, request.disbursedOn)) : null;
      if (!household) throw notFound(`The household registry has no household with id ${request.householdId}.`, { field: fieldOf(i, 'householdId') });
      return household;
    });
    await this.areas.assertServes(caller, [...new Set(households.map((household) => household.communeCode))], 'disbursing a loan', context.requestId);
    fresh.forEach(({ request, i }, n) => checkEligible(request, households[n]!, ruleOf[n]!, (field) => fieldOf(i, field)));

    const loans = fresh.map(({ request }, n) => {
      const rule = ruleOf[n]!;
      return this.dataSource.getRepository(Loan).create({
        ...request,
        id: randomUUID(),
        annualRate: rule.annualRate,
        overdueAnnualRate: overdueRateOf(rule.annualRate, rule.overdueRatePercentOfNormal),
        maturesOn: addMonths(request.disbursedOn, request.termMonths),
        communeCode: households[n]!.communeCode,
      });
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        // Sorted, so two batches sharing households lock them in the same order.
        const keys = [...new Set(loans.map((loan) => `credit:household:${loan.householdId}`))].sort();
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest($1::text[]) AS k ORDER BY k`, [keys]);
        const owed = await owedUnder(manager, loans);
        // Earlier items of the batch for the same household and programme count whole.
        const inBatch = new Map<string, number>();
        loans.forEach((loan, n) => {
          const key = `${loan.householdId}|${loan.programme}`;
          const before = owed[n]! + (inBatch.get(key) ?? 0);
          const rule = ruleOf[n]!;
          const { allowed, headroom } = capCheck(rule.maxPrincipalPerHousehold, before, loan.principal);
          if (!allowed) {
            throw badUserInput(
              fieldOf(fresh[n]!.i, 'principal'),
              `${loan.programme} lends at most ${formatVnd(rule.maxPrincipalPerHousehold)} per household; household ${households[n]!.code} still owes ${formatVnd(before)} under it on ${loan.disbursedOn}, so at most ${formatVnd(headroom)} more can be lent, not ${formatVnd(loan.principal)}.`,
            );
          }
          inBatch.set(key, (inBatch.get(key) ?? 0) + loan.principal);
        });
        const stamps = await insertLoans(manager, loans);
        loans.forEach((loan, n) => Object.assign(loan, stamps[n]));
        await recordAudit(
          manager,
          audit === 'each'
            ? loans.map((loan) => ({ caller, requestId: context.requestId, action: 'disburseLoan', entityType: 'Loan', entityId: loan.id, before: null, after: loan }))
            : [batchAudit(caller, context.requestId, 'disburseLoan', 'Loan', loans.map((loan) => loan.id))],
        );
      });
    } catch (error) {
      // A key arrived twice at once: the other request won; answer with its loans.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const winners = await this.replay(caller, requests, fieldOf, context.requestId);
        if (winners.every(Boolean)) return winners as Loan[];
        const clash = winners.findIndex((winner, i) => winner && !replayed[i]);
        throw conflict('This disbursement clashed with another one recorded meanwhile; reload and try again.', { field: fieldOf(Math.max(clash, 0), 'idempotencyKey') });
      }
      throw error;
    }
    let next = 0;
    return requests.map((_, i) => replayed[i] ?? loans[next++]!);
  }

  private check(input: DisburseLoanInput, field: (name: string) => string): Disbursement {
    return {
      idempotencyKey: requireIdempotencyKey(field('idempotencyKey'), input.idempotencyKey),
      householdId: input.householdId.trim(),
      programme: input.programme as CreditProgramme,
      principal: requirePositiveMoney(field('principal'), input.principal, 'The principal'),
      termMonths: input.termMonths,
      disbursedOn: requireNotInFuture(field('disbursedOn'), input.disbursedOn, 'The disbursement date'),
      transactionOffice: requireText(field('transactionOffice'), input.transactionOffice, 'The transaction office'),
      savingsGroup: requireText(field('savingsGroup'), input.savingsGroup, 'The savings-and-loan group'),
      entrustingOrganisation: input.entrustingOrganisation as EntrustingOrganisation,
      purpose: requireText(field('purpose'), input.purpose, 'The purpose', 500),
    };
  }

  /** The programme's rule on the disbursement date, with the principal and term inside its limits. */
  private requireRule(request: Disbursement, rules: ProgrammeRule[], field: (name: string) => string): ProgrammeRule {
    const rule = ruleInForce(rules, request.programme, request.disbursedOn);
    if (!rule) {
      const periods = rules.filter((r) => r.programme === request.programme).map((r) => (r.validTo ? `${r.validFrom} to ${r.validTo}` : `from ${r.validFrom}`));
      const known = periods.length ? `its rules on record apply ${periods.join(', ')}` : 'it has no rule on record yet';
      throw badUserInput(field('programme'), `No ${request.programme} rule is in force on ${request.disbursedOn}; ${known}.`);
    }
    if (request.principal > rule.maxPrincipalPerHousehold) {
      throw badUserInput(field('principal'), `${request.programme} lends at most ${formatVnd(rule.maxPrincipalPerHousehold)} per household; ${formatVnd(request.principal)} is above it.`);
    }
    if (!Number.isInteger(request.termMonths) || request.termMonths < 1 || request.termMonths > rule.maxTermMonths) {
      throw badUserInput(field('termMonths'), `${request.programme} loans run from 1 to ${rule.maxTermMonths} months; got ${request.termMonths}.`);
    }
    return rule;
  }

  /**
   * For each request, the loan an earlier request with its key disbursed, if its
   * details are the same (and the caller may act in its commune), else undefined;
   * CONFLICT if they differ. One statement for the batch.
   */
  private async replay(caller: Caller, requests: readonly Disbursement[], fieldOf: FieldOf, requestId: string): Promise<Array<Loan | undefined>> {
    const existing = await this.dataSource.getRepository(Loan).findBy({ idempotencyKey: In(requests.map((request) => request.idempotencyKey)) });
    if (!existing.length) return requests.map(() => undefined);
    const byKey = new Map(existing.map((loan) => [loan.idempotencyKey, loan]));
    const replayed = requests.map((request, i) => {
      const loan = byKey.get(request.idempotencyKey);
      if (!loan) return undefined;
      const differences = differingFields<Disbursement>(loan, request, SAME_DISBURSEMENT);
      if (differences.length) {
        throw conflict(
          `Idempotency key ${request.idempotencyKey} was already used for loan ${loan.id} (disbursed on ${loan.disbursedOn}), which differs in ${differences.join(', ')}. Use a new key for a new loan.`,
          { field: fieldOf(i, 'idempotencyKey') },
        );
      }
      return loan;
    });
    await this.areas.assertServes(caller, [...new Set(existing.map((loan) => loan.communeCode))], 'disbursing a loan', requestId);
    return replayed;
  }
}

/** Registration before the disbursement, and a status on that day the programme lends to. */
function checkEligible(request: Disbursement, household: RegistryHousehold, rule: ProgrammeRule, field: (name: string) => string): void {
  if (request.disbursedOn < household.registeredOn) {
    throw badUserInput(field('disbursedOn'), `Household ${household.code} was registered on ${household.registeredOn}; a loan cannot be disbursed to it on ${request.disbursedOn}.`);
  }
  if (!qualifies(rule.qualifyingStatuses, household.statusOn)) {
    const covered = describeStatuses(rule.qualifyingStatuses);
    const standing =
      household.statusOn === null ? `has no poverty review on or before ${request.disbursedOn}, so it has no status` : `was ${household.statusOn} on ${request.disbursedOn}`;
    throw notEligible(`Household ${household.code} ${standing}; ${request.programme} lends only to ${covered} households.`, {
      field: field('householdId'),
      status: household.statusOn,
      qualifyingStatuses: rule.qualifyingStatuses,
    });
  }
}

/**
 * For each new loan, what its household still owes under its programme on its
 * disbursement date: the principal of its loans less their repayments up to that
 * day (a loan disbursed later counts whole). One statement for the batch.
 */
async function owedUnder(manager: EntityManager, loans: readonly Loan[]): Promise<number[]> {
  const rows: Array<{ i: number; owed: string }> = await manager.query(
    `SELECT k.i, coalesce(sum(l.principal - coalesce(p.repaid, 0)), 0)::text AS owed
     FROM unnest($1::uuid[], $2::text[], $3::date[]) WITH ORDINALITY AS k(household_id, programme, on_day, i)
     LEFT JOIN loans l ON l.household_id = k.household_id AND l.programme = k.programme
     LEFT JOIN LATERAL (SELECT sum(r.amount) AS repaid FROM repayments r WHERE r.loan_id = l.id AND r.paid_on <= k.on_day) p ON true
     GROUP BY k.i`,
    [loans.map((loan) => loan.householdId), loans.map((loan) => loan.programme), loans.map((loan) => loan.disbursedOn)],
  );
  const owed = loans.map(() => 0);
  for (const row of rows) owed[Number(row.i) - 1] = Number(row.owed);
  return owed;
}

/** One INSERT for the batch; the database stamps the times. */
async function insertLoans(manager: EntityManager, loans: readonly Loan[]): Promise<Array<Pick<Loan, 'createdAt' | 'updatedAt'>>> {
  const column = <T>(pick: (loan: Loan) => T) => loans.map(pick);
  const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
    `INSERT INTO loans (id, household_id, programme, principal, annual_rate, overdue_annual_rate, term_months, disbursed_on, matures_on,
                        transaction_office, savings_group, entrusting_organisation, purpose, commune_code, idempotency_key)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[], $5::numeric[], $6::numeric[], $7::int[], $8::date[], $9::date[],
                          $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
     RETURNING id, created_at, updated_at`,
    [
      column((l) => l.id),
      column((l) => l.householdId),
      column((l) => l.programme),
      column((l) => String(l.principal)),
      column((l) => l.annualRate.toFixed(3)),
      column((l) => l.overdueAnnualRate.toFixed(3)),
      column((l) => l.termMonths),
      column((l) => l.disbursedOn),
      column((l) => l.maturesOn),
      column((l) => l.transactionOffice),
      column((l) => l.savingsGroup),
      column((l) => l.entrustingOrganisation),
      column((l) => l.purpose),
      column((l) => l.communeCode),
      column((l) => l.idempotencyKey),
    ],
  );
  const byId = new Map(rows.map((row) => [row.id, { createdAt: row.created_at, updatedAt: row.updated_at }]));
  return loans.map((loan) => byId.get(loan.id)!);
}
