import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { batchAudit, recordAudit, type AuditGranularity } from '@povgraph/db';
import { badUserInput, conflict, notFound } from '@povgraph/errors';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { repayableOn, type Payment } from '../domain/balance';
import { differingFields } from '../domain/idempotency';
import { formatVnd } from '../domain/rules';
import { Loan, Repayment } from '../entities';
import type { RecordRepaymentInput } from '../generated/resolvers';
import { isUuid, requireIdempotencyKey, requireNotInFuture, requirePositiveMoney } from '../validation';

type RepaymentRequest = Pick<Repayment, 'loanId' | 'paidOn' | 'amount' | 'idempotencyKey'>;

const SAME_REPAYMENT: ReadonlyArray<keyof RepaymentRequest> = ['loanId', 'paidOn', 'amount'];
const UNIQUE_VIOLATION = '23505';

/** Names an item's field in errors: `input.<field>` for one repayment, `inputs.<i>.<field>` in a batch. */
type FieldOf = (index: number, field: string) => string;
const ONE: FieldOf = (_, field) => `input.${field}`;
const MANY: FieldOf = (index, field) => `inputs.${index}.${field}`;

/** Most repayments `recordMany` takes at once (one transaction). */
export const MAX_REPAYMENT_BATCH = 10_000;

/** Thu nợ: repayments of principal, never above what is owed. */
export class RepaymentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly areas: AreaGuard,
  ) {}

  /** Records a repayment: `recordMany` with one item. */
  async record(context: BaseContext, input: RecordRepaymentInput): Promise<Repayment> {
    const [repayment] = await this.recordAll(context, [input], ONE);
    return repayment!;
  }

  /**
   * Records a batch of repayments (a commune's collection day, the demo data) with
   * the rules of `recordRepayment`, taken in order: an item may repay what earlier
   * items of the batch left owed. One bad item refuses the batch, naming
   * `inputs.<i>.<field>`; one transaction, one INSERT, one audit insert.
   */
  recordMany(context: BaseContext, inputs: readonly RecordRepaymentInput[], audit: AuditGranularity = 'each'): Promise<Repayment[]> {
    return this.recordAll(context, inputs, MANY, audit);
  }

  private async recordAll(context: BaseContext, inputs: readonly RecordRepaymentInput[], fieldOf: FieldOf, audit: AuditGranularity = 'each'): Promise<Repayment[]> {
    const caller = requireRole(context.caller, [Role.BANK_OFFICER], 'record loan repayments');
    if (inputs.length > MAX_REPAYMENT_BATCH) {
      throw badUserInput('inputs', `Record at most ${MAX_REPAYMENT_BATCH.toLocaleString('en')} repayments at a time; got ${inputs.length.toLocaleString('en')}.`);
    }
    const requests: RepaymentRequest[] = inputs.map((input, i) => ({
      idempotencyKey: requireIdempotencyKey(fieldOf(i, 'idempotencyKey'), input.idempotencyKey),
      loanId: input.loanId.trim(),
      paidOn: requireNotInFuture(fieldOf(i, 'paidOn'), input.paidOn, 'The repayment date'),
      amount: requirePositiveMoney(fieldOf(i, 'amount'), input.amount, 'The amount repaid'),
    }));
    const seen = new Map<string, number>();
    requests.forEach((request, i) => {
      const first = seen.get(request.idempotencyKey);
      if (first !== undefined) throw badUserInput(fieldOf(i, 'idempotencyKey'), `Idempotency key ${request.idempotencyKey} is used twice in this batch (items ${first} and ${i}); each repayment needs its own key.`);
      seen.set(request.idempotencyKey, i);
    });
    const replayed = await this.replay(caller, requests, fieldOf, context.requestId);
    const fresh = requests.map((request, i) => ({ request, i })).filter(({ i }) => !replayed[i]);
    if (!fresh.length) return replayed as Repayment[];

    const ids = [...new Set(fresh.map(({ request }) => request.loanId).filter(isUuid))];
    const loans = new Map((ids.length ? await this.dataSource.getRepository(Loan).findBy({ id: In(ids) }) : []).map((loan) => [loan.id, loan]));
    const loanOf = fresh.map(({ request, i }) => {
      const loan = isUuid(request.loanId) ? loans.get(request.loanId.toLowerCase()) : undefined;
      if (!loan) throw notFound(`No loan has id ${request.loanId}.`, { field: fieldOf(i, 'loanId') });
      if (request.paidOn < loan.disbursedOn) {
        throw badUserInput(fieldOf(i, 'paidOn'), `The loan was disbursed on ${loan.disbursedOn}; a repayment cannot be dated ${request.paidOn}.`);
      }
      return loan;
    });
    await this.areas.assertServes(caller, [...new Set(loanOf.map((loan) => loan.communeCode))], 'a repayment', context.requestId);

    const repayments = fresh.map(({ request }, n) =>
      this.dataSource.getRepository(Repayment).create({ ...request, id: randomUUID(), loanId: loanOf[n]!.id, communeCode: loanOf[n]!.communeCode }),
    );
    try {
      await this.dataSource.transaction(async (manager) => {
        // One writer per loan: the balance checked is the balance written against.
        await manager.query(`SELECT 1 FROM loans WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[...new Set(repayments.map((r) => r.loanId))]]);
        const earlier = await paymentsOf(manager, [...new Set(repayments.map((r) => r.loanId))]);
        repayments.forEach((repayment, n) => {
          const paid = earlier.get(repayment.loanId) ?? [];
          const { balanceOn, remaining, max } = repayableOn(loanOf[n]!, paid, repayment.paidOn);
          if (repayment.amount > max) {
            const reason =
              repayment.amount > balanceOn
                ? `the outstanding balance on ${repayment.paidOn} is ${formatVnd(balanceOn)}`
                : `repayments dated after ${repayment.paidOn} leave only ${formatVnd(remaining)} owed`;
            throw badUserInput(fieldOf(fresh[n]!.i, 'amount'), `${formatVnd(repayment.amount)} is more than the loan owes: ${reason}. At most ${formatVnd(max)} can be recorded.`, {
              balance: max,
            });
          }
          earlier.set(repayment.loanId, [...paid, { paidOn: repayment.paidOn, amount: repayment.amount }]);
        });
        const stamps = await insertRepayments(manager, repayments);
        repayments.forEach((repayment, n) => Object.assign(repayment, stamps[n]));
        await recordAudit(
          manager,
          audit === 'each'
            ? repayments.map((repayment) => ({ caller, requestId: context.requestId, action: 'recordRepayment', entityType: 'Repayment', entityId: repayment.id, before: null, after: repayment }))
            : [batchAudit(caller, context.requestId, 'recordRepayment', 'Repayment', repayments.map((repayment) => repayment.id))],
        );
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const winners = await this.replay(caller, requests, fieldOf, context.requestId);
        if (winners.every(Boolean)) return winners as Repayment[];
        const clash = winners.findIndex((winner, i) => winner && !replayed[i]);
        throw conflict('This repayment clashed with another one recorded meanwhile; reload and try again.', { field: fieldOf(Math.max(clash, 0), 'idempotencyKey') });
      }
      throw error;
    }
    let next = 0;
    return requests.map((_, i) => replayed[i] ?? repayments[next++]!);
  }

  /** For each request, the repayment an earlier request with its key recorded, if the same; CONFLICT if not. */
  private async replay(caller: Caller, requests: readonly RepaymentRequest[], fieldOf: FieldOf, requestId: string): Promise<Array<Repayment | undefined>> {
    const existing = await this.dataSource.getRepository(Repayment).findBy({ idempotencyKey: In(requests.map((request) => request.idempotencyKey)) });
    if (!existing.length) return requests.map(() => undefined);
    const byKey = new Map(existing.map((repayment) => [repayment.idempotencyKey, repayment]));
    const replayed = requests.map((request, i) => {
      const stored = byKey.get(request.idempotencyKey);
      if (!stored) return undefined;
      const differences = differingFields<RepaymentRequest>(stored, request, SAME_REPAYMENT);
      if (differences.length) {
        throw conflict(
          `Idempotency key ${request.idempotencyKey} was already used for repayment ${stored.id} (${formatVnd(stored.amount)} on ${stored.paidOn}), which differs in ${differences.join(', ')}. Use a new key for a new repayment.`,
          { field: fieldOf(i, 'idempotencyKey') },
        );
      }
      return stored;
    });
    await this.areas.assertServes(caller, [...new Set(existing.map((repayment) => repayment.communeCode))], 'a repayment', requestId);
    return replayed;
  }
}

/** The repayments already recorded on the loans, per loan: one statement. */
async function paymentsOf(manager: EntityManager, loanIds: readonly string[]): Promise<Map<string, Payment[]>> {
  const rows: Array<{ loan_id: string; paid_on: string; amount: string }> = await manager.query(
    `SELECT loan_id, paid_on::text AS paid_on, amount::text AS amount FROM repayments WHERE loan_id = ANY($1::uuid[])`,
    [loanIds],
  );
  const byLoan = new Map<string, Payment[]>();
  for (const row of rows) byLoan.set(row.loan_id, [...(byLoan.get(row.loan_id) ?? []), { paidOn: row.paid_on, amount: Number(row.amount) }]);
  return byLoan;
}

/** One INSERT for the batch; the database stamps the times. */
async function insertRepayments(manager: EntityManager, repayments: readonly Repayment[]): Promise<Array<Pick<Repayment, 'createdAt' | 'updatedAt'>>> {
  const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
    `INSERT INTO repayments (id, loan_id, paid_on, amount, commune_code, idempotency_key)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[], $5::text[], $6::text[])
     RETURNING id, created_at, updated_at`,
    [
      repayments.map((r) => r.id),
      repayments.map((r) => r.loanId),
      repayments.map((r) => r.paidOn),
      repayments.map((r) => String(r.amount)),
      repayments.map((r) => r.communeCode),
      repayments.map((r) => r.idempotencyKey),
    ],
  );
  const byId = new Map(rows.map((row) => [row.id, { createdAt: row.created_at, updatedAt: row.updated_at }]));
  return repayments.map((repayment) => byId.get(repayment.id)!);
}
