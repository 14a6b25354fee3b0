import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { PovertyStandard, ReductionTarget, TargetIndicator } from '../entities';
import type { SetReductionTargetInput } from '../generated/resolvers';
import { requireIntegerInRange, requireStandardFor } from '../validation';
import type { AdminUnitService } from './AdminUnitService';

const COUNT_INDICATORS = new Set([TargetIndicator.POOR_HOUSEHOLDS, TargetIndicator.NEAR_POOR_HOUSEHOLDS, TargetIndicator.JOBS]);

function requireTargetValue(indicator: TargetIndicator, value: number): number {
  const field = 'input.value';
  if (!Number.isFinite(value)) throw badUserInput(field, 'The target must be a number.');
  if (COUNT_INDICATORS.has(indicator)) {
    if (!Number.isInteger(value) || value < 0) throw badUserInput(field, `A ${indicator} target counts households or jobs: a whole number, at least 0; got ${value}.`);
  } else if (value < -100 || value > 100) {
    throw badUserInput(field, `A ${indicator} target is in percent or points, from -100 to 100; got ${value}.`);
  }
  if (Math.round(value * 100) !== value * 100) throw badUserInput(field, `Targets have at most 2 decimals; got ${value}.`);
  return value;
}

/** Reduction targets (giao chỉ tiêu): one per unit, year and indicator. */
export class TargetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminUnits: AdminUnitService,
  ) {}

  async set(context: BaseContext, input: SetReductionTargetInput): Promise<ReductionTarget> {
    const caller = requireRole(context.caller, [Role.LABOUR_OFFICE], 'assign reduction targets');
    const year = requireIntegerInRange('input.year', input.year, 'The target year', 1900, 2100);
    requireStandardFor('input.year', year, await this.dataSource.getRepository(PovertyStandard).find());
    const indicator = input.indicator as TargetIndicator;
    const value = requireTargetValue(indicator, input.value);
    const [unit] = await this.adminUnits.latestVersions([input.unitCode]);
    if (!unit) throw badUserInput('input.unitCode', `No administrative unit has code ${input.unitCode}.`);
    await this.adminUnits.assertCallerServes(caller, unit.code, 'assigning a target');

    const note = input.note?.trim() || null;
    return this.dataSource.transaction(async (manager) => {
      // The unique (unit, year, indicator) index makes this an upsert without races.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO reduction_targets (unit_code, year, indicator, value, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (unit_code, year, indicator) DO NOTHING RETURNING id`,
        [unit.code, year, indicator, value, note],
      );
      const target = await manager.createQueryBuilder(ReductionTarget, 't').setLock('pessimistic_write').where({ unitCode: unit.code, year, indicator }).getOneOrFail();
      const before = inserted.length > 0 ? null : { ...target };
      Object.assign(target, { value, note });
      const saved = await manager.save(target);
      await recordAudit(manager, { caller, requestId: context.requestId, action: 'setReductionTarget', entityType: 'ReductionTarget', entityId: saved.id, before, after: saved });
      return saved;
    });
  }
}
