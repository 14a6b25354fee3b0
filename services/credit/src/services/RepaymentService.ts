import type { DataSource } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { recordAudit } from '@povgraph/db';
import { badUserInput, conflict, notFound } from '@povgraph/errors';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { repayableOn } from '../domain/balance';
import { differingFields } from '../domain/idempotency';
import { formatVnd } from '../domain/rules';
import { Loan, Repayment } from '../entities';
import type { RecordRepaymentInput } from '../generated/resolvers';
import { isUuid, requireIdempotencyKey, requireNotInFuture, requirePositiveMoney } from '../validation';

type RepaymentRequest = Pick<Repayment, 'loanId' | 'paidOn' | 'amount' | 'idempotencyKey'>;

const SAME_REPAYMENT: ReadonlyArray<keyof RepaymentRequest> = ['loanId', 'paidOn', 'amount'];
const UNIQUE_VIOLATION = '23505';

/** Thu nợ: repayments of principal, never above what is owed. */
export class RepaymentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly areas: AreaGuard,
  ) {}

  async record(context: BaseContext, input: RecordRepaymentInput): Promise<Repayment> {
    const caller = requireRole(context.caller, [Role.BANK_OFFICER], 'record loan repayments');
    const request: RepaymentRequest = {
      idempotencyKey: requireIdempotencyKey('input.idempotencyKey', input.idempotencyKey),
      loanId: input.loanId.trim(),
      paidOn: requireNotInFuture('input.paidOn', input.paidOn, 'The repayment date'),
      amount: requirePositiveMoney('input.amount', input.amount, 'The amount repaid'),
    };
    const replayed = await this.replay(caller, request, context.requestId);
    if (replayed) return replayed;

    const loan = isUuid(request.loanId) ? await this.dataSource.getRepository(Loan).findOneBy({ id: request.loanId }) : null;
    if (!loan) throw notFound(`No loan has id ${request.loanId}.`, { field: 'input.loanId' });
    if (request.paidOn < loan.disbursedOn) {
      throw badUserInput('input.paidOn', `The loan was disbursed on ${loan.disbursedOn}; a repayment cannot be dated ${request.paidOn}.`);
    }
    await this.areas.assertServes(caller, [loan.communeCode], 'a repayment', context.requestId);

    try {
      return await this.dataSource.transaction(async (manager) => {
        // One writer per loan: the balance checked is the balance written against.
        await manager.query(`SELECT 1 FROM loans WHERE id = $1 FOR UPDATE`, [loan.id]);
        const earlier = await manager.getRepository(Repayment).findBy({ loanId: loan.id });
        const { balanceOn, remaining, max } = repayableOn(loan, earlier, request.paidOn);
        if (request.amount > max) {
          const reason =
            request.amount > balanceOn
              ? `the outstanding balance on ${request.paidOn} is ${formatVnd(balanceOn)}`
              : `repayments dated after ${request.paidOn} leave only ${formatVnd(remaining)} owed`;
          throw badUserInput('input.amount', `${formatVnd(request.amount)} is more than the loan owes: ${reason}. At most ${formatVnd(max)} can be recorded.`, { balance: max });
        }
        const repayment = manager.getRepository(Repayment).create({ ...request, communeCode: loan.communeCode });
        const saved = await manager.save(repayment);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'recordRepayment', entityType: 'Repayment', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        const winner = await this.replay(caller, request, context.requestId);
        if (winner) return winner;
        throw conflict('This repayment clashed with another one recorded meanwhile; reload and try again.', { field: 'input.idempotencyKey' });
      }
      throw error;
    }
  }

  /** The repayment an earlier request with this key recorded, if the same; CONFLICT if not. */
  private async replay(caller: Caller, request: RepaymentRequest, requestId: string): Promise<Repayment | null> {
    const existing = await this.dataSource.getRepository(Repayment).findOneBy({ idempotencyKey: request.idempotencyKey });
    if (!existing) return null;
    const differences = differingFields<RepaymentRequest>(existing, request, SAME_REPAYMENT);
    if (differences.length) {
      throw conflict(
        `Idempotency key ${request.idempotencyKey} was already used for repayment ${existing.id} (${formatVnd(existing.amount)} on ${existing.paidOn}), which differs in ${differences.join(', ')}. Use a new key for a new repayment.`,
        { field: 'input.idempotencyKey' },
      );
    }
    await this.areas.assertServes(caller, [existing.communeCode], 'a repayment', requestId);
    return existing;
  }
}
