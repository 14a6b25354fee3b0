import DataLoader from 'dataloader';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource } from 'typeorm';
import { Loan, Repayment, type ProgrammeRule } from './entities';
import type { Services } from './services';
import type { CreditFigures, CreditReportRequest } from './services/CreditReportService';
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
    /** Keyed by area and year; the key carries the area's communes (from @requires). */
    creditReport: new DataLoader<CreditReportRequest, CreditFigures, string>((requests) => services.reports.figures(requests), {
      cacheKeyFn: (request) => `${request.areaCode}|${request.year}`,
    }),
    /** Every programme rule (a handful of rows), read once per request. */
    programmeRules: new DataLoader<'all', ProgrammeRule[]>(async (keys) => {
      const all = await services.rules.list();
      return keys.map(() => all);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
