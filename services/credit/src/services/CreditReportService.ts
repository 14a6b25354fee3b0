import type { DataSource } from 'typeorm';
import type { AreaYearRequest } from '@povgraph/subgraph-kit';
import { percentWith2Decimals } from '@povgraph/scalars';
import { PROGRAMME_ORDER } from '../domain/rules';
import type { CreditProgramme } from '../entities';

/** One programme's figures in an area and year. */
export interface ProgrammeFigures {
  programme: CreditProgramme;
  disbursementTurnover: number;
  loansDisbursed: number;
  repaymentsCollected: number;
  outstanding: number;
  overdue: number;
}

/** An area's VBSP figures for a year, as `CreditReport` shows them. */
export interface CreditFigures extends Omit<ProgrammeFigures, 'programme'> {
  areaCode: string;
  year: number;
  householdsBorrowing: number;
  overdueRatio: number;
  byProgramme: ProgrammeFigures[];
}

interface Row {
  root: string;
  year: number;
  /** Null on the area's total row (GROUPING SETS). */
  programme: CreditProgramme | null;
  disbursement_turnover: string;
  loans_disbursed: number;
  households_borrowing: number;
  repayments_collected: string;
  outstanding: string;
  overdue: string;
}

/**
 * The figures of many (area, year) pairs in ONE statement: each area is its list of
 * communes (from the registry, via @requires), joined to the loans booked there
 * by 31 December and their repayments. A commune listed twice under an area counts
 * once, so a province is exactly the sum of its communes.
 */
const REPORT_SQL = `
  WITH area AS (
    SELECT DISTINCT root, commune FROM unnest($1::text[], $2::text[]) AS a(root, commune)
  ), request AS (
    SELECT DISTINCT root, year, make_date(year, 1, 1) AS year_start, make_date(year, 12, 31) AS year_end
    FROM unnest($3::text[], $4::int[]) AS r(root, year)
  ), area_loans AS (
    SELECT r.root, r.year, r.year_start, r.year_end, l.id, l.household_id, l.programme, l.principal, l.disbursed_on, l.matures_on
    FROM request r
    JOIN area a ON a.root = r.root
    JOIN loans l ON l.commune_code = a.commune AND l.disbursed_on <= r.year_end
  ), loan_figures AS (
    SELECT al.root, al.year, al.household_id, al.programme, al.principal,
           al.disbursed_on >= al.year_start AS disbursed_in_year,
           al.matures_on < al.year_end AS matured,
           al.principal - coalesce(sum(p.amount), 0) AS outstanding,
           coalesce(sum(p.amount) FILTER (WHERE p.paid_on >= al.year_start), 0) AS collected
    FROM area_loans al
    LEFT JOIN repayments p ON p.loan_id = al.id AND p.paid_on <= al.year_end
    GROUP BY al.root, al.year, al.id, al.household_id, al.programme, al.principal, al.disbursed_on, al.matures_on, al.year_start, al.year_end
  )
  SELECT root, year, CASE WHEN GROUPING(programme) = 1 THEN NULL ELSE programme END AS programme,
         coalesce(sum(principal) FILTER (WHERE disbursed_in_year), 0)::text AS disbursement_turnover,
         count(*) FILTER (WHERE disbursed_in_year)::int AS loans_disbursed,
         count(DISTINCT household_id) FILTER (WHERE disbursed_in_year)::int AS households_borrowing,
         sum(collected)::text AS repayments_collected,
         sum(outstanding)::text AS outstanding,
         coalesce(sum(outstanding) FILTER (WHERE matured), 0)::text AS overdue
  FROM loan_figures
  GROUP BY GROUPING SETS ((root, year, programme), (root, year))`;

/** Sums come back as numeric text; money is always a safe integer of đồng. */
function money(value: string): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Sum ${value} is beyond the safe integer range`);
  return amount;
}

const figuresOf = (row: Row | undefined) => ({
  disbursementTurnover: row ? money(row.disbursement_turnover) : 0,
  loansDisbursed: row?.loans_disbursed ?? 0,
  repaymentsCollected: row ? money(row.repayments_collected) : 0,
  outstanding: row ? money(row.outstanding) : 0,
  overdue: row ? money(row.overdue) : 0,
});

export class CreditReportService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(requests: readonly AreaYearRequest[]): Promise<CreditFigures[]> {
    const roots: string[] = [];
    const communes: string[] = [];
    for (const { areaCode, communeCodes } of new Map(requests.map((r) => [r.areaCode, r])).values()) {
      for (const commune of communeCodes) {
        roots.push(areaCode);
        communes.push(commune);
      }
    }
    const rows: Row[] = await this.dataSource.query(REPORT_SQL, [roots, communes, requests.map((r) => r.areaCode), requests.map((r) => r.year)]);
    const totals = new Map<string, Row>();
    const perProgramme = new Map<string, Row[]>();
    for (const row of rows) {
      const key = `${row.root}|${row.year}`;
      if (row.programme === null) totals.set(key, row);
      else perProgramme.set(key, [...(perProgramme.get(key) ?? []), row]);
    }
    return requests.map(({ areaCode, year }) => {
      const key = `${areaCode}|${year}`;
      const total = totals.get(key);
      const figures = figuresOf(total);
      const programmes = perProgramme.get(key) ?? [];
      return {
        areaCode,
        year,
        ...figures,
        householdsBorrowing: total?.households_borrowing ?? 0,
        overdueRatio: percentWith2Decimals(figures.overdue, figures.outstanding),
        byProgramme: PROGRAMME_ORDER.flatMap((programme) => {
          const row = programmes.find((candidate) => candidate.programme === programme);
          return row ? [{ programme, ...figuresOf(row) }] : [];
        }),
      };
    });
  }
}
