import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit, type AuditGranularity } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { nameKey } from '../domain/names';
import { JobFair } from '../entities';
import type { RecordJobFairInput } from '../generated/resolvers';
import { requireCommuneCode, requireIntegerInRange, requireNotInFuture, requireText } from '../validation';
import { chunks, fieldAt, itemOfBatch, type FieldOf } from './batch';
import type { Registry } from './Registry';
import { isUniqueViolation } from './uniqueViolation';

const MAX_PEOPLE = 1_000_000;
const MAX_EMPLOYERS = 100_000;
const FAIR_KEY = 'job_fairs_commune_day_organiser_key';

const fairKey = (fair: { communeCode: string; heldOn: string; organiserKey: string }) => `${fair.communeCode}|${fair.heldOn}|${fair.organiserKey}`;

/** Job fairs (phiên giao dịch việc làm): recorded by the training centre of the commune's area. */
export class JobFairService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async record(context: BaseContext, input: RecordJobFairInput): Promise<JobFair> {
    const [fair] = await this.recordMany(context, [input], () => 'input');
    return fair!;
  }

  /**
   * Records many fairs by the rules of `recordJobFair` (one registry request for
   * all their communes), in one transaction; one refused item refuses the batch.
   */
  async recordMany(context: BaseContext, inputs: readonly RecordJobFairInput[], fieldOf: FieldOf = itemOfBatch, audit: AuditGranularity = 'each'): Promise<JobFair[]> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'record job fairs');
    const fairs = inputs.map((input, i) => this.check(input, fieldOf(i)));
    await this.registry.requireCommunesOn(caller, fairs.map((fair, i) => ({ code: fair.communeCode, on: fair.heldOn, field: fieldAt(fieldOf(i), 'communeCode') })), context.requestId);
    await this.registry.assertServes(caller, fairs.map((fair) => fair.communeCode), 'a job fair', context.requestId);
    const duplicate = (i: number) => {
      const fair = fairs[i]!;
      return conflict(`A job fair by ${fair.organiser} in commune ${fair.communeCode} on ${fair.heldOn} is already recorded.`, { field: fieldAt(fieldOf(i), 'organiser') });
    };
    const seen = new Set<string>();
    for (const [i, fair] of fairs.entries()) {
      if (seen.has(fairKey(fair))) throw duplicate(i);
      seen.add(fairKey(fair));
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const existing: Array<{ communeCode: string; heldOn: string; organiserKey: string }> = await manager.query(
          `SELECT f.commune_code AS "communeCode", to_char(f.held_on, 'YYYY-MM-DD') AS "heldOn", f.organiser_key AS "organiserKey"
           FROM job_fairs f JOIN unnest($1::text[], $2::date[], $3::text[]) AS k(commune_code, held_on, organiser_key)
             ON f.commune_code = k.commune_code AND f.held_on = k.held_on AND f.organiser_key = k.organiser_key`,
          [fairs.map((f) => f.communeCode), fairs.map((f) => f.heldOn), fairs.map((f) => f.organiserKey)],
        );
        const recorded = new Set(existing.map(fairKey));
        const already = fairs.findIndex((fair) => recorded.has(fairKey(fair)));
        if (already >= 0) throw duplicate(already);
        for (const chunk of chunks(fairs)) {
          const column = <T>(pick: (fair: JobFair) => T) => chunk.map(pick);
          const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
            `INSERT INTO job_fairs (id, commune_code, held_on, organiser, organiser_key, participants, employers, jobs_offered, people_hired)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[])
             RETURNING id, created_at, updated_at`,
            [
              column((f) => f.id), column((f) => f.communeCode), column((f) => f.heldOn), column((f) => f.organiser), column((f) => f.organiserKey),
              column((f) => f.participants), column((f) => f.employers), column((f) => f.jobsOffered), column((f) => f.peopleHired),
            ],
          );
          const stamps = new Map(rows.map((row) => [row.id, row]));
          for (const fair of chunk) Object.assign(fair, { createdAt: stamps.get(fair.id)!.created_at, updatedAt: stamps.get(fair.id)!.updated_at });
        }
        await recordAudit(
          manager,
          audit === 'each'
            ? fairs.map((fair) => ({ caller, requestId: context.requestId, action: 'recordJobFair', entityType: 'JobFair', entityId: fair.id, before: null, after: fair }))
            : [{ caller, requestId: context.requestId, action: 'importJobFairs', entityType: 'JobFair', entityId: '*', before: null, after: { count: fairs.length, ids: fairs.map((fair) => fair.id) } }],
        );
        return fairs;
      });
    } catch (error) {
      // Another clerk recorded the same fair between the check and the insert.
      if (isUniqueViolation(error, FAIR_KEY)) throw conflict('A job fair of this request was recorded meanwhile by someone else; reload and try again.', { field: fieldAt(fieldOf(0), 'organiser') });
      throw error;
    }
  }

  private check(input: RecordJobFairInput, field: string): JobFair {
    const participants = requireIntegerInRange(fieldAt(field, 'participants'), input.participants, 'The number of participants', 0, MAX_PEOPLE);
    const jobsOffered = requireIntegerInRange(fieldAt(field, 'jobsOffered'), input.jobsOffered, 'The number of jobs offered', 0, MAX_PEOPLE);
    const peopleHired = requireIntegerInRange(fieldAt(field, 'peopleHired'), input.peopleHired, 'The number of people hired', 0, MAX_PEOPLE);
    if (peopleHired > participants) throw badUserInput(fieldAt(field, 'peopleHired'), `${peopleHired} people hired is more than the ${participants} participants.`);
    if (peopleHired > jobsOffered) throw badUserInput(fieldAt(field, 'peopleHired'), `${peopleHired} people hired is more than the ${jobsOffered} jobs offered.`);
    const organiser = requireText(fieldAt(field, 'organiser'), input.organiser, 'The organiser');
    return Object.assign(new JobFair(), {
      id: randomUUID(),
      communeCode: requireCommuneCode(fieldAt(field, 'communeCode'), input.communeCode, 'A job fair'),
      heldOn: requireNotInFuture(fieldAt(field, 'heldOn'), input.heldOn, 'The date of the fair'),
      organiser,
      organiserKey: nameKey(organiser),
      participants,
      employers: requireIntegerInRange(fieldAt(field, 'employers'), input.employers, 'The number of employers', 0, MAX_EMPLOYERS),
      jobsOffered,
      peopleHired,
    });
  }
}
