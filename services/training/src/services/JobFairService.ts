import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { nameKey } from '../domain/names';
import { JobFair } from '../entities';
import type { RecordJobFairInput } from '../generated/resolvers';
import { requireCommuneCode, requireIntegerInRange, requireNotInFuture, requireText } from '../validation';
import type { Registry } from './Registry';
import { isUniqueViolation } from './uniqueViolation';

const MAX_PEOPLE = 1_000_000;
const MAX_EMPLOYERS = 100_000;

/** Job fairs (phiên giao dịch việc làm): recorded by the training centre of the commune's area. */
export class JobFairService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async record(context: BaseContext, input: RecordJobFairInput): Promise<JobFair> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'record job fairs');
    const fair = this.check(input);
    await this.registry.requireCommuneOn(caller, fair.communeCode, fair.heldOn, 'input.communeCode', context.requestId);
    await this.registry.assertServes(caller, [fair.communeCode], 'a job fair', context.requestId);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(fair);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'recordJobFair', entityType: 'JobFair', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'job_fairs_commune_day_organiser_key')) {
        throw conflict(`A job fair by ${fair.organiser} in commune ${fair.communeCode} on ${fair.heldOn} is already recorded.`, { field: 'input.organiser' });
      }
      throw error;
    }
  }

  private check(input: RecordJobFairInput): JobFair {
    const participants = requireIntegerInRange('input.participants', input.participants, 'The number of participants', 0, MAX_PEOPLE);
    const jobsOffered = requireIntegerInRange('input.jobsOffered', input.jobsOffered, 'The number of jobs offered', 0, MAX_PEOPLE);
    const peopleHired = requireIntegerInRange('input.peopleHired', input.peopleHired, 'The number of people hired', 0, MAX_PEOPLE);
    if (peopleHired > participants) throw badUserInput('input.peopleHired', `${peopleHired} people hired is more than the ${participants} participants.`);
    if (peopleHired > jobsOffered) throw badUserInput('input.peopleHired', `${peopleHired} people hired is more than the ${jobsOffered} jobs offered.`);
    const organiser = requireText('input.organiser', input.organiser, 'The organiser');
    return this.dataSource.getRepository(JobFair).create({
      communeCode: requireCommuneCode('input.communeCode', input.communeCode, 'A job fair'),
      heldOn: requireNotInFuture('input.heldOn', input.heldOn, 'The date of the fair'),
      organiser,
      organiserKey: nameKey(organiser),
      participants,
      employers: requireIntegerInRange('input.employers', input.employers, 'The number of employers', 0, MAX_EMPLOYERS),
      jobsOffered,
      peopleHired,
    });
  }
}
