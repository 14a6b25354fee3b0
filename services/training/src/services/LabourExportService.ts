import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit, type AuditGranularity } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { beforeRegistrationProblem } from '../domain/courseRules';
import { nameKey } from '../domain/names';
import { LabourExportSupport } from '../entities';
import type { RecordLabourExportSupportInput } from '../generated/resolvers';
import { requireNotInFuture, requirePositiveMoney, requireText } from '../validation';
import { chunks, fieldAt, itemOfBatch, type FieldOf } from './batch';
import type { Registry } from './Registry';
import { isUniqueViolation } from './uniqueViolation';

const SUPPORT_KEY = 'labour_export_supports_worker_departure_key';

const supportKey = (support: { householdId: string; workerNameKey: string; departureDate: string }) => `${support.householdId}|${support.workerNameKey}|${support.departureDate}`;

/** Support for workers going abroad under contract: counted in the household's commune. */
export class LabourExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async record(context: BaseContext, input: RecordLabourExportSupportInput): Promise<LabourExportSupport> {
    const [support] = await this.recordMany(context, [input], () => 'input');
    return support!;
  }

  /**
   * Records many supports by the rules of `recordLabourExportSupport` (one
   * registry request per 1,000 households), in one transaction; one refused item
   * refuses the batch, naming `inputs.<i>.<field>`.
   */
  async recordMany(context: BaseContext, inputs: readonly RecordLabourExportSupportInput[], fieldOf: FieldOf = itemOfBatch, audit: AuditGranularity = 'each'): Promise<LabourExportSupport[]> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'record labour-export support');
    const checked = inputs.map((input, i) => {
      const field = fieldOf(i);
      return {
        workerName: requireText(fieldAt(field, 'workerName'), input.workerName, 'The worker’s name'),
        destinationCountry: requireText(fieldAt(field, 'destinationCountry'), input.destinationCountry, 'The country of destination', 100),
        departureDate: requireNotInFuture(fieldAt(field, 'departureDate'), input.departureDate, 'The departure date'),
        amount: requirePositiveMoney(fieldAt(field, 'amount'), input.amount, 'The support amount'),
      };
    });
    const households = await this.registry.households(caller, inputs.map((input, i) => ({ id: input.householdId, field: fieldAt(fieldOf(i), 'householdId') })), context.requestId);
    const supports = inputs.map((input, i) => {
      const household = households.get(input.householdId)!;
      const registration = beforeRegistrationProblem(checked[i]!.departureDate, household.registeredOn, 'a worker leaving');
      if (registration) throw badUserInput(fieldAt(fieldOf(i), 'departureDate'), registration);
      return Object.assign(new LabourExportSupport(), {
        id: randomUUID(),
        householdId: household.id,
        communeCode: household.communeCode,
        ...checked[i]!,
        workerNameKey: nameKey(checked[i]!.workerName),
      });
    });
    await this.registry.assertServes(caller, supports.map((support) => support.communeCode), 'labour-export support for a household', context.requestId);
    const duplicate = (i: number) => {
      const { workerName, departureDate } = supports[i]!;
      return conflict(`Support for ${workerName} of this household leaving on ${departureDate} is already recorded; it is paid once.`, { field: fieldAt(fieldOf(i), 'workerName') });
    };
    const seen = new Set<string>();
    for (const [i, support] of supports.entries()) {
      if (seen.has(supportKey(support))) throw duplicate(i);
      seen.add(supportKey(support));
    }

    try {
      return await this.dataSource.transaction(async (manager) => {
        const existing: Array<{ householdId: string; workerNameKey: string; departureDate: string }> = await manager.query(
          `SELECT s.household_id AS "householdId", s.worker_name_key AS "workerNameKey", to_char(s.departure_date, 'YYYY-MM-DD') AS "departureDate"
           FROM labour_export_supports s JOIN unnest($1::uuid[], $2::text[], $3::date[]) AS k(household_id, worker_name_key, departure_date)
             ON s.household_id = k.household_id AND s.worker_name_key = k.worker_name_key AND s.departure_date = k.departure_date`,
          [supports.map((s) => s.householdId), supports.map((s) => s.workerNameKey), supports.map((s) => s.departureDate)],
        );
        const recorded = new Set(existing.map(supportKey));
        const already = supports.findIndex((support) => recorded.has(supportKey(support)));
        if (already >= 0) throw duplicate(already);
        for (const chunk of chunks(supports)) {
          const column = <T>(pick: (support: LabourExportSupport) => T) => chunk.map(pick);
          const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
            `INSERT INTO labour_export_supports (id, household_id, commune_code, worker_name, worker_name_key, destination_country, departure_date, amount)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::bigint[])
             RETURNING id, created_at, updated_at`,
            [
              column((s) => s.id), column((s) => s.householdId), column((s) => s.communeCode), column((s) => s.workerName), column((s) => s.workerNameKey),
              column((s) => s.destinationCountry), column((s) => s.departureDate), column((s) => String(s.amount)),
            ],
          );
          const stamps = new Map(rows.map((row) => [row.id, row]));
          for (const support of chunk) Object.assign(support, { createdAt: stamps.get(support.id)!.created_at, updatedAt: stamps.get(support.id)!.updated_at });
        }
        await recordAudit(
          manager,
          audit === 'each'
            ? supports.map((support) => ({ caller, requestId: context.requestId, action: 'recordLabourExportSupport', entityType: 'LabourExportSupport', entityId: support.id, before: null, after: support }))
            : [{ caller, requestId: context.requestId, action: 'importLabourExportSupports', entityType: 'LabourExportSupport', entityId: '*', before: null, after: { count: supports.length, ids: supports.map((s) => s.id) } }],
        );
        return supports;
      });
    } catch (error) {
      // Another clerk recorded the same support between the check and the insert.
      if (isUniqueViolation(error, SUPPORT_KEY)) throw conflict('A support of this request was recorded meanwhile by someone else; it is paid once. Reload and try again.', { field: fieldAt(fieldOf(0), 'workerName') });
      throw error;
    }
  }
}
