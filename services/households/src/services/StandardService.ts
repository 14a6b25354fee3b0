import type { DataSource } from 'typeorm';
import { Role } from '@povgraph/auth';
import { requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { PovertyStandard, type IncomeLines } from '../entities';
import type { DefinePovertyStandardInput } from '../generated/resolvers';
import { requireIntegerInRange, requireMoney, requireText } from '../validation';

function requireLines(field: string, lines: DefinePovertyStandardInput['rural']): IncomeLines {
  const incomeLine = requireMoney(`${field}.incomeLine`, lines.incomeLine, 'The income line');
  const averageLivingLine = requireMoney(`${field}.averageLivingLine`, lines.averageLivingLine, 'The average-living line');
  const poorIncomeLine = lines.poorIncomeLine == null ? null : requireMoney(`${field}.poorIncomeLine`, lines.poorIncomeLine, 'The poor income line');
  if (poorIncomeLine !== null && poorIncomeLine > incomeLine) throw badUserInput(`${field}.poorIncomeLine`, 'The poor income line must not be above the income line.');
  if (averageLivingLine < incomeLine) throw badUserInput(`${field}.averageLivingLine`, 'The average-living line must not be below the income line.');
  return { poorIncomeLine, incomeLine, averageLivingLine };
}

/** Poverty standards are data: listed, and added by an administrator for new years. */
export class StandardService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<PovertyStandard[]> {
    return this.dataSource.getRepository(PovertyStandard).find({ order: { fromYear: 'ASC' } });
  }

  async define(context: BaseContext, input: DefinePovertyStandardInput): Promise<PovertyStandard> {
    const caller = requireRole(context.caller, [Role.ADMIN], 'define poverty standards');
    const code = requireText('input.code', input.code, 'The standard code', 40);
    const fromYear = requireIntegerInRange('input.fromYear', input.fromYear, 'The first year', 2000, 2100);
    const toYear = requireIntegerInRange('input.toYear', input.toYear, 'The last year', fromYear, 2100);
    if (input.indicators.length === 0) throw badUserInput('input.indicators', 'A standard needs at least one deprivation indicator.');
    const codes = new Set<string>();
    input.indicators.forEach((indicator, i) => {
      if (!/^[A-Z][A-Z0-9_]*$/.test(indicator.code)) throw badUserInput(`input.indicators.${i}.code`, `Indicator code ${JSON.stringify(indicator.code)} must be UPPER_SNAKE_CASE.`);
      if (codes.has(indicator.code)) throw badUserInput(`input.indicators.${i}.code`, `Indicator ${indicator.code} is listed twice.`);
      codes.add(indicator.code);
    });
    const minLackingForPoor = requireIntegerInRange('input.minLackingForPoor', input.minLackingForPoor, 'The number of lacking indicators that makes a household poor', 1, input.indicators.length);
    const standard = this.dataSource.getRepository(PovertyStandard).create({
      code,
      name: requireText('input.name', input.name, 'The name'),
      legalBasis: requireText('input.legalBasis', input.legalBasis, 'The legal basis'),
      fromYear,
      toYear,
      minLackingForPoor,
      indicators: input.indicators.map(({ code: c, dimension, name }) => ({ code: c, dimension, name })),
      ruralLines: requireLines('input.rural', input.rural),
      urbanLines: requireLines('input.urban', input.urban),
    });

    return this.dataSource.transaction(async (manager) => {
      // Serialise definitions so two overlapping ones cannot both pass the check.
      await manager.query('LOCK TABLE poverty_standards IN SHARE ROW EXCLUSIVE MODE');
      const existing = await manager.find(PovertyStandard);
      if (existing.some((s) => s.code === code)) throw conflict(`A standard with code ${code} already exists.`, { field: 'input.code' });
      const overlapping = existing.find((s) => s.fromYear <= toYear && fromYear <= s.toYear);
      if (overlapping) {
        throw conflict(`Standard ${overlapping.code} already covers ${overlapping.fromYear}–${overlapping.toYear}; a new standard must start after it.`, { field: 'input.fromYear' });
      }
      const saved = await manager.save(standard);
      await recordAudit(manager, { caller, requestId: context.requestId, action: 'definePovertyStandard', entityType: 'PovertyStandard', entityId: code, before: null, after: saved });
      return saved;
    });
  }
}
