import type { DataSource, EntityManager } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { badUserInput, notFound } from '@povgraph/errors';
import { recordAudit, type AuditGranularity, type AuditInput } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { classify, standardForYear } from '../domain/classify';
import { Assessment, Household, PovertyStandard } from '../entities';
import type { RecordAssessmentInput } from '../generated/resolvers';
import { isUuid, requireIntegerInRange, requireMoney, requireStandardFor, todayInVietnam } from '../validation';
import type { AdminUnitService } from './AdminUnitService';

/** How many earlier reviews decide whether a household has "newly escaped". */
const ESCAPE_LOOKBACK_YEARS = 3;

interface CheckedReview {
  household: Household;
  year: number;
  assessedOn: string;
  income: number;
  lackingIndicators: string[];
  standard: PovertyStandard;
}

/** The annual review: records results and computes every status from the standard in force. */
export class AssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminUnits: AdminUnitService,
  ) {}

  /** Records (or corrects) one household's review of one year. */
  async record(context: BaseContext, input: RecordAssessmentInput): Promise<Assessment> {
    const [saved] = await this.recordMany(context, [input], () => 'input');
    return saved!;
  }

  /**
   * Records many reviews in one transaction (the annual review of a whole commune,
   * or the demo data). Every review is checked before anything is written; one bad
   * review refuses the batch, naming its field as `fieldOf(i)`.
   */
  async recordMany(context: BaseContext, inputs: readonly RecordAssessmentInput[], fieldOf = (i: number) => `inputs.${i}`, audit: AuditGranularity = 'each'): Promise<Assessment[]> {
    const caller = requireRole(context.caller, [Role.LABOUR_OFFICE], 'record poverty reviews');
    const standards = await this.dataSource.getRepository(PovertyStandard).find();
    const households = await this.householdsOf(inputs, fieldOf);
    const today = todayInVietnam();
    const checked = inputs.map((input, i) => this.check(input, households.get(input.householdId)!, standards, fieldOf(i), today));
    for (const communeCode of new Set(checked.map((review) => review.household.communeCode))) {
      await this.adminUnits.assertCallerServes(caller, communeCode, 'reviewing a household');
    }
    return this.dataSource.transaction((manager) => this.write(manager, caller, context.requestId, checked, standards, audit));
  }

  private async householdsOf(inputs: readonly RecordAssessmentInput[], fieldOf: (i: number) => string): Promise<Map<string, Household>> {
    const ids = [...new Set(inputs.map((input) => input.householdId).filter(isUuid))];
    const found = ids.length ? await this.dataSource.getRepository(Household).createQueryBuilder('h').where('h.id = ANY(:ids)', { ids }).getMany() : [];
    const byId = new Map(found.map((household) => [household.id, household]));
    inputs.forEach((input, i) => {
      if (!byId.has(input.householdId)) throw notFound(`No household has id ${input.householdId}.`, { field: `${fieldOf(i)}.householdId` });
    });
    return byId;
  }

  private check(input: RecordAssessmentInput, household: Household, standards: PovertyStandard[], field: string, today: string): CheckedReview {
    const year = requireIntegerInRange(`${field}.year`, input.year, 'The review year', 1900, 2100);
    const standard = requireStandardFor(`${field}.year`, year, standards);
    let assessedOn: string;
    if (!input.assessedOn) {
      const usual = `${year}-12-01`;
      assessedOn = usual <= today ? usual : today;
    } else {
      if (Number(input.assessedOn.slice(0, 4)) !== year) throw badUserInput(`${field}.assessedOn`, `The review of ${year} must be dated in ${year}; got ${input.assessedOn}.`);
      if (input.assessedOn > today) throw badUserInput(`${field}.assessedOn`, `The review date ${input.assessedOn} is in the future; today is ${today}.`);
      assessedOn = input.assessedOn;
    }
    const income = requireMoney(`${field}.incomePerPersonMonthly`, input.incomePerPersonMonthly, 'Income per person per month');
    const known = new Set(standard.indicators.map((indicator) => indicator.code));
    const seen = new Set<string>();
    input.lackingIndicators.forEach((code, i) => {
      const at = `${field}.lackingIndicators.${i}`;
      if (!known.has(code)) throw badUserInput(at, `Unknown indicator ${JSON.stringify(code)} for standard ${standard.code}; use one of ${[...known].join(', ')}.`);
      if (seen.has(code)) throw badUserInput(at, `Indicator ${code} is listed twice.`);
      seen.add(code);
    });
    if (Number(household.registeredOn.slice(0, 4)) > year) {
      throw badUserInput(`${field}.year`, `Household ${household.code} was registered on ${household.registeredOn}; it has no review for ${year}.`);
    }
    return { household, year, assessedOn, income, lackingIndicators: [...input.lackingIndicators], standard };
  }

  private async write(manager: EntityManager, caller: Caller, requestId: string | null, reviews: CheckedReview[], standards: PovertyStandard[], audit: AuditGranularity): Promise<Assessment[]> {
    const householdIds = [...new Set(reviews.map((review) => review.household.id))];
    // One writer at a time per household: later years are recomputed from these reviews.
    await manager.query('SELECT 1 FROM households WHERE id = ANY($1) ORDER BY id FOR UPDATE', [householdIds]);
    const stored = await manager.createQueryBuilder(Assessment, 'a').where('a.household_id = ANY(:householdIds)', { householdIds }).getMany();
    const historyOf = new Map<string, Assessment[]>(householdIds.map((id) => [id, []]));
    for (const assessment of stored) historyOf.get(assessment.householdId)!.push(assessment);
    const before = new Map(stored.map((assessment) => [assessment.id, { ...assessment }]));

    const results: Assessment[] = [];
    const touched = new Set<Assessment>();
    for (const review of reviews) {
      const history = historyOf.get(review.household.id)!;
      let assessment = history.find((a) => a.year === review.year);
      if (!assessment) {
        assessment = Object.assign(new Assessment(), { householdId: review.household.id, year: review.year });
        history.push(assessment);
        history.sort((a, b) => a.year - b.year);
      }
      Object.assign(assessment, {
        assessedOn: review.assessedOn,
        communeCode: review.household.communeCode,
        incomePerPersonMonthly: review.income,
        lackingIndicators: review.lackingIndicators,
        standardCode: review.standard.code,
      });
      results.push(assessment);
      touched.add(assessment);
      for (const changed of reclassifyFrom(history, review.household, standards, review.year)) touched.add(changed);
    }

    const saved = await this.upsert(manager, [...touched]);
    if (audit === 'batch') {
      const after = { reviews: results.length, reclassified: saved.length - results.length, households: householdIds.length, years: [...new Set(results.map((a) => a.year))].sort() };
      await recordAudit(manager, [{ caller, requestId, action: 'importAssessments', entityType: 'Assessment', entityId: '*', before: null, after }]);
      return results;
    }
    const recorded = new Set(results);
    const audits: AuditInput[] = saved.map((assessment) => ({
      caller,
      requestId,
      action: recorded.has(assessment) ? 'recordAssessment' : 'recordAssessment:reclassify',
      entityType: 'Assessment',
      entityId: assessment.id,
      before: before.get(assessment.id) ?? null,
      after: assessment,
    }));
    await recordAudit(manager, audits);
    return results;
  }

  /** Inserts new reviews and updates changed ones: one statement per 2,000 reviews. Indicator codes hold no commas. */
  private async upsert(manager: EntityManager, assessments: Assessment[]): Promise<Assessment[]> {
    const CHUNK = 2000;
    for (let start = 0; start < assessments.length; start += CHUNK) {
      const chunk = assessments.slice(start, start + CHUNK);
      const rows: Array<{ id: string; household_id: string; year: number }> = await manager.query(
        `INSERT INTO assessments (household_id, year, assessed_on, commune_code, income_per_person_monthly, lacking_indicators, standard_code, status)
         SELECT household_id, year, assessed_on, commune_code, income,
                CASE WHEN lacking = '' THEN '{}'::text[] ELSE string_to_array(lacking, ',') END, standard_code, status
         FROM unnest($1::uuid[], $2::int[], $3::date[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[])
           AS t(household_id, year, assessed_on, commune_code, income, lacking, standard_code, status)
         ON CONFLICT (household_id, year) DO UPDATE SET
           assessed_on = excluded.assessed_on, commune_code = excluded.commune_code,
           income_per_person_monthly = excluded.income_per_person_monthly, lacking_indicators = excluded.lacking_indicators,
           standard_code = excluded.standard_code, status = excluded.status, updated_at = now()
         RETURNING id, household_id, year`,
        [
          chunk.map((a) => a.householdId),
          chunk.map((a) => a.year),
          chunk.map((a) => a.assessedOn),
          chunk.map((a) => a.communeCode),
          chunk.map((a) => String(a.incomePerPersonMonthly)),
          chunk.map((a) => a.lackingIndicators.join(',')),
          chunk.map((a) => a.standardCode),
          chunk.map((a) => a.status),
        ],
      );
      const idOf = new Map(rows.map((row) => [`${row.household_id}|${row.year}`, row.id]));
      for (const assessment of chunk) assessment.id = idOf.get(`${assessment.householdId}|${assessment.year}`)!;
    }
    return assessments;
  }
}

/**
 * Classifies the review of `fromYear` and every later one, oldest first, since a
 * later NEWLY_ESCAPED depends on the statuses of the three reviews before it.
 * Returns the later reviews whose status changed.
 */
function reclassifyFrom(history: Assessment[], household: Household, standards: PovertyStandard[], fromYear: number): Assessment[] {
  const changed: Assessment[] = [];
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
    if (review.year !== fromYear && review.status !== status) changed.push(review);
    review.status = status;
  }
  return changed;
}
