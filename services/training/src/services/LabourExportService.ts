import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { beforeRegistrationProblem } from '../domain/courseRules';
import { nameKey } from '../domain/names';
import { LabourExportSupport } from '../entities';
import type { RecordLabourExportSupportInput } from '../generated/resolvers';
import { requireNotInFuture, requirePositiveMoney, requireText } from '../validation';
import type { Registry } from './Registry';
import { isUniqueViolation } from './uniqueViolation';

/** Support for workers going abroad under contract: counted in the household's commune. */
export class LabourExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async record(context: BaseContext, input: RecordLabourExportSupportInput): Promise<LabourExportSupport> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'record labour-export support');
    const workerName = requireText('input.workerName', input.workerName, 'The worker’s name');
    const destinationCountry = requireText('input.destinationCountry', input.destinationCountry, 'The country of destination', 100);
    const departureDate = requireNotInFuture('input.departureDate', input.departureDate, 'The departure date');
    const amount = requirePositiveMoney('input.amount', input.amount, 'The support amount');
    const household = await this.registry.household(caller, input.householdId, 'input.householdId', context.requestId);
    const registration = beforeRegistrationProblem(departureDate, household.registeredOn, 'a worker leaving');
    if (registration) throw badUserInput('input.departureDate', registration);
    await this.registry.assertServes(caller, [household.communeCode], 'labour-export support for a household', context.requestId);

    const support = this.dataSource.getRepository(LabourExportSupport).create({
      householdId: household.id,
      communeCode: household.communeCode,
      workerName,
      workerNameKey: nameKey(workerName),
      destinationCountry,
      departureDate,
      amount,
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(support);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'recordLabourExportSupport', entityType: 'LabourExportSupport', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'labour_export_supports_worker_departure_key')) {
        throw conflict(`Support for ${workerName} of this household leaving on ${departureDate} is already recorded; it is paid once.`, { field: 'input.workerName' });
      }
      throw error;
    }
  }
}
