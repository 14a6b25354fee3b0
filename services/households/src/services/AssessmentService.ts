import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, notFound } from '@povgraph/errors';
import { recordAudit, type AuditInput } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { classify, standardForYear } from '../domain/classify';
import { Assessment, Household, PovertyStandard } from '../entities';
import type { RecordAssessmentInput } from '../generated/resolvers';
import { isUuid, requireIntegerInRange, requireMoney, requireNotInFuture, requireStandardFor, todayInVietnam } from '../validation';
import type { AdminUnitService } from './AdminUnitService';

/** How many earlier reviews decide whether a household has "newly escaped". */
const ESCAPE_LOOKBACK_YEARS = 3;

/** The annual review: records results and computes every status from the standard. */
export class AssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminUnits: AdminUnitService,
  ) {}

  private requireIndicators(lacking: readonly string[], standard: PovertyStandard): string[] {
    const known = new Set(standard.indicators.map((indicator) => indicator.code));
    const seen = new Set<string>();
    lacking.forEach((code, i) => {
      if (!known.has(code)) {
        throw badUserInput(`input.lackingIndicators.${i}`, `Unknown indicator ${JSON.stringify(code)} for standard ${standard.code}; use one of ${[...known].join(', ')}.`);
      }
      if (seen.has(code)) throw badUserInput(`input.lackingIndicators.${i}`, `Indicator ${code} is listed twice.`);
      seen.add(code);
    });
    return [...lacking];
  }

  private requireAssessedOn(input: RecordAssessmentInput, year: number): string {
    if (!input.assessedOn) {
      const usual = `${year}-12-01`;
      const today = todayInVietnam();
      return usual <= today ? usual : today;
    }
    if (Number(input.assessedOn.slice(0, 4)) !== year) {
      throw badUserInput('input.assessedOn', `The review of ${year} must be dated in ${year}; got ${input.assessedOn}.`);
    }
    return requireNotInFuture('input.assessedOn', input.assessedOn, 'The review date');
  }

  async record(context: BaseContext, input: RecordAssessmentInput): Promise<Assessment> {
    const caller = requireRole(context.caller, [Role.LABOUR_OFFICE], 'record poverty reviews');
    const year = requireIntegerInRange('input.year', input.year, 'The review year', 1900, 2100);
    const standards = await this.dataSource.getRepository(PovertyStandard).find();
    const standard = requireStandardFor('input.year', year, standards);
    const assessedOn = this.requireAssessedOn(input, year);
    const income = requireMoney('input.incomePerPersonMonthly', input.incomePerPersonMonthly, 'Income per person per month');
    const lackingIndicators = this.requireIndicators(input.lackingIndicators, standard);
    const household = isUuid(input.householdId) ? await this.dataSource.getRepository(Household).findOneBy({ id: input.householdId }) : null;
    if (!household) throw notFound(`No household has id ${input.householdId}.`, { field: 'input.householdId' });
    if (Number(household.registeredOn.slice(0, 4)) > year) {
      throw badUserInput('input.year', `Household ${household.code} was registered on ${household.registeredOn}; it has no review for ${year}.`);
    }
    await this.adminUnits.assertCallerServes(caller, household.communeCode, 'reviewing a household');

    return this.dataSource.transaction(async (manager) => {
      // One review at a time per household: later years are recomputed from this one.
      await manager.query('SELECT 1 FROM households WHERE id = $1 FOR UPDATE', [household.id]);
      const history = await manager.find(Assessment, { where: { householdId: household.id }, order: { year: 'ASC' } });
      const existing = history.find((a) => a.year === year);
      const before = existing ? { ...existing } : null;
      const assessment = existing ?? manager.create(Assessment, { householdId: household.id, year });
      Object.assign(assessment, {
        assessedOn,
        communeCode: household.communeCode,
        incomePerPersonMonthly: income,
        lackingIndicators,
        standardCode: standard.code,
      });
      if (!existing) history.push(assessment);
      history.sort((a, b) => a.year - b.year);

      const audits: AuditInput[] = [];
      const changedLater = this.reclassify(history, household, standards, year);
      const saved = await manager.save(assessment);
      audits.push({ caller, requestId: context.requestId, action: 'recordAssessment', entityType: 'Assessment', entityId: saved.id, before, after: saved });
      for (const { later, previousStatus } of changedLater) {
        await manager.save(later);
        audits.push({ caller, requestId: context.requestId, action: 'recordAssessment:reclassify', entityType: 'Assessment', entityId: later.id, before: { ...later, status: previousStatus }, after: later });
      }
      await recordAudit(manager, audits);
      return saved;
    });
  }

  /**
   * Classifies the review of `fromYear` and every later one, oldest first, since a
   * later NEWLY_ESCAPED depends on the statuses of the three reviews before it.
   * Returns the later reviews whose status changed.
   */
  private reclassify(history: Assessment[], household: Household, standards: PovertyStandard[], fromYear: number) {
    const changed: Array<{ later: Assessment; previousStatus: Assessment['status'] }> = [];
    for (const review of history.filter((a) => a.year >= fromYear)) {
      const standard = standardForYear(standards, review.year);
      if (!standard) continue; // a review outside every standard keeps the status it was given
      const previousStatuses = history.filter((a) => a.year < review.year && a.year >= review.year - ESCAPE_LOOKBACK_YEARS).map((a) => a.status);
      const status = classify(
        {
          incomePerPersonMonthly: review.incomePerPersonMonthly,
          lackingCount: review.lackingIndicators.length,
          areaType: household.areaType,
          agricultural: household.agricultural,
          previousStatuses,
        },
        standard,
      );
      if (review.year !== fromYear && review.status !== status) changed.push({ later: review, previousStatus: review.status });
      review.status = status;
    }
    return changed;
  }
}
