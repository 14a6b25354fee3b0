import DataLoader from 'dataloader';
import { areaYearKey, type AreaYearRequest } from '@povgraph/subgraph-kit';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource } from 'typeorm';
import { Loan, Repayment, type ProgrammeRule } from './entities';
import type { Services } from './services';
import type { CreditFigures } from './services/CreditReportService';
import { isUuid } from './validation';

/**
 * Per-request loaders: whatever the number of parents in one query-plan fetch,
 * each kind of child costs one SQL statement.
 */
export function createLoaders(dataSource: DataSource, services: Services) {
  return {
    loanById: new DataLoader<string, Loan | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, valid.length ? await dataSource.getRepository(Loan).findBy({ id: In(valid) }) : [], (row) => row.id);
    }),
    /** Keyed by household id (ids that are not UUIDs have no loans). */
    loansByHousehold: new DataLoader<string, Loan[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await dataSource.getRepository(Loan).find({ where: { householdId: In(valid) }, order: { disbursedOn: 'ASC', createdAt: 'ASC' } }) : [];
      return groupByKey(ids, rows, (row) => row.householdId);
    }),
    repaymentsByLoan: new DataLoader<string, Repayment[]>(async (ids) =>
      groupByKey(ids, await dataSource.getRepository(Repayment).find({ where: { loanId: In([...ids]) }, order: { paidOn: 'ASC', createdAt: 'ASC' } }), (row) => row.loanId),
    ),
    /**
     * Whether the household had a loan disbursed in the year, keyed by household and
     * year: one statement for every (household, year) of a batch; false for ids that
     * are not UUIDs (no loans can point to them).
     */
    receivedLoanIn: new DataLoader<{ householdId: string; year: number }, boolean, string>(
      async (keys) => {
        const valid = keys.filter((key) => isUuid(key.householdId));
        const rows: Array<{ household_id: string; year: number }> = valid.length
          ? await dataSource.query(
              `SELECT DISTINCT k.household_id, k.year
               FROM unnest($1::uuid[], $2::int[]) AS k(household_id, year)
               JOIN loans l ON l.household_id = k.household_id
                AND l.disbursed_on BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)`,
              [valid.map((key) => key.householdId), valid.map((key) => key.year)],
            )
          : [];
        const found = new Set(rows.map((row) => `${row.household_id}|${row.year}`));
        return keys.map((key) => found.has(`${key.householdId.toLowerCase()}|${key.year}`));
      },
      { cacheKeyFn: (key) => `${key.householdId}|${key.year}` },
    ),
    /** Keyed by area and year; the key carries the area's communes (from @requires). */
    creditReport: new DataLoader<AreaYearRequest, CreditFigures, string>((requests) => services.reports.figures(requests), {
      cacheKeyFn: areaYearKey,
    }),
    /** Every programme rule (a handful of rows), read once per request. */
    programmeRules: new DataLoader<'all', ProgrammeRule[]>(async (keys) => {
      const all = await services.rules.list();
      return keys.map(() => all);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
