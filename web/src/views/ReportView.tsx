import { BarChart, LineChart } from '../components/charts';
import { MissingNotice, Panel } from '../components/Panel';
import { SortableTable, type Column } from '../components/SortableTable';
import { StatCard } from '../components/StatCard';
import { formatChange, formatCount, formatMillions, formatPercent } from '../lib/format';
import { labelOf, useT, type Lang, type Translate } from '../lib/i18n';
import {
  ReportByUnitDocument,
  ReportHeadlineDocument,
  ReportTrendDocument,
  type FiguresFragment,
  type ReportByUnitQuery,
  type ReportByUnitQueryVariables,
  type ReportHeadlineQuery,
  type ReportHeadlineQueryVariables,
  type ReportTrendQuery,
  type ReportTrendQueryVariables,
} from '../generated/operations';
import { useGraph } from '../lib/useGraph';

/** Years the trend shows, the chosen one last. */
const TREND_YEARS = 5;

/** The year-end programme report (báo cáo tổng kết năm) of an area: headline, trend, breakdown, units. */
export function ReportView({ area, year, firstYear }: { area: string; year: number; firstYear: number }) {
  const { t } = useT();
  const from = Math.max(firstYear, year - TREND_YEARS + 1);
  // Three requests, three panels: the unit table (one report per commune) never holds up the headline.
  const headline = useGraph<ReportHeadlineQuery, ReportHeadlineQueryVariables>(ReportHeadlineDocument, { code: area, year });
  const trend = useGraph<ReportTrendQuery, ReportTrendQueryVariables>(ReportTrendDocument, { code: area, from, to: year });
  const units = useGraph<ReportByUnitQuery, ReportByUnitQueryVariables>(ReportByUnitDocument, { code: area, year, on: `${year}-12-31` });
  const unit = headline.data?.adminUnit;
  const report = unit?.report ?? null;
  const children = units.data?.adminUnit?.children ?? [];
  return (
    <>
      <Panel title={unit ? `${unit.name} — ${year}` : t('viewReport')} loading={headline.loading} failure={headline.failure} onRetry={headline.retry} testId="headline">
        {report && (
          <>
            <MissingNotice missing={headline.missing} />
            <HeadlineCards figures={report} />
          </>
        )}
      </Panel>
      <div className="two-columns">
        <Panel title={t('trendTitle', { from, to: year })} loading={trend.loading} failure={trend.failure} onRetry={trend.retry} testId="trend">
          {trend.data?.adminUnit?.trend && (
            <>
              <MissingNotice missing={trend.missing} />
              <TrendCharts years={trend.data.adminUnit.trend} />
            </>
          )}
        </Panel>
        <Panel title={t('breakdownTitle', { year })} loading={headline.loading} failure={headline.failure} testId="breakdown">
          {report && <Breakdown figures={report} lentByProgramme={report.credit?.byProgramme ?? null} />}
        </Panel>
      </div>
      {/* A commune has no units under it: the table appears only for a larger area. */}
      {(units.loading || units.failure || children.length > 0) && (
        <Panel title={t('communesTitle')} loading={units.loading} failure={units.failure} onRetry={units.retry} testId="units">
          {units.data && (
            <>
              <MissingNotice missing={units.missing} />
              <UnitTable rows={children} />
            </>
          )}
        </Panel>
      )}
    </>
  );
}

/** Formatters of the report in the current language. */
function useReportFormat() {
  const { t, lang } = useT();
  return {
    t,
    lang,
    count: (n: number) => formatCount(n, lang),
    millions: (dong: number) => `${formatMillions(dong, lang)} ${t('millions')}`,
    /** "−665 so với năm trước"; null without a previous review. */
    change: (value: number | null, kind: 'count' | 'points') => (value === null ? null : `${formatChange(value, lang, kind)}${kind === 'points' ? ` ${t('points')}` : ''} ${t('changeFromPrevious')}`),
  };
}

function HeadlineCards({ figures }: { figures: FiguresFragment }) {
  const { t, lang, count, millions, change } = useReportFormat();
  const { poverty, credit, housing, training, infrastructure } = figures;
  return (
    <div className="cards">
      <StatCard testId="card-households" label={t('households')} value={poverty && count(poverty.totalHouseholds)} />
      <StatCard
        testId="card-poor"
        label={t('poor')}
        value={poverty && count(poverty.poor)}
        detail={
          poverty && (
            <>
              <span data-testid="poverty-rate">{formatPercent(poverty.povertyRate, lang)}</span>
              {[change(poverty.poorChangeFromPreviousYear, 'count'), change(poverty.rateChangeFromPreviousYear, 'points')].filter(Boolean).map((text) => ` · ${text}`)}
            </>
          )
        }
      />
      <StatCard
        testId="card-near-poor"
        label={t('nearPoor')}
        value={poverty && count(poverty.nearPoor)}
        detail={poverty && [formatPercent(poverty.nearPovertyRate, lang), change(poverty.nearPoorChangeFromPreviousYear, 'count'), change(poverty.nearPoorRateChangeFromPreviousYear, 'points')].filter(Boolean).join(' · ')}
      />
      <StatCard testId="card-credit" label={t('loansDisbursed')} value={credit && count(credit.loansDisbursed)} detail={credit && `${t('turnover')} ${millions(credit.disbursementTurnover)} · ${t('outstanding')} ${millions(credit.outstanding)}`} />
      <StatCard testId="card-housing" label={t('housesBuilt')} value={housing && `${count(housing.newBuilds)} / ${count(housing.repairs)}`} detail={housing && `${t('completed')} ${count(housing.completed)} · ${millions(housing.amount)}`} />
      <StatCard testId="card-training" label={t('trainees')} value={training && count(training.trainees)} detail={training && `${t('jobFairParticipants')} ${count(training.jobFairParticipants)} (${count(training.jobFairs)} ${t('jobFairs').toLowerCase()})`} />
      <StatCard
        testId="card-infrastructure"
        label={t('infrastructureCapital')}
        value={infrastructure && millions(infrastructure.investmentCapital + infrastructure.recurrentCapital)}
        detail={infrastructure && `${t('works')} ${count(infrastructure.works)} · ${t('maintenanceWorks')} ${count(infrastructure.maintenanceWorks)}`}
      />
    </div>
  );
}

/** A year with a review in the area: one without reviews has no rate, not a rate of zero. */
const reviewed = (figures: FiguresFragment) => (figures.poverty?.totalHouseholds ?? 0) > 0;

function TrendCharts({ years }: { years: FiguresFragment[] }) {
  const { t, lang } = useReportFormat();
  const lent = years.filter((y) => y.credit);
  return (
    <>
      <LineChart
        title={t('povertyRate')}
        xs={years.map((y) => y.year)}
        format={(v) => formatPercent(v, lang)}
        series={[
          { label: t('povertyRate'), values: years.map((y) => (reviewed(y) ? y.poverty!.povertyRate : null)), className: 'series-poor' },
          { label: t('nearPovertyRate'), values: years.map((y) => (reviewed(y) ? y.poverty!.nearPovertyRate : null)), className: 'series-near-poor' },
        ]}
      />
      {lent.length > 0 && <BarChart title={`${t('turnover')} (${t('millions')})`} format={(v) => formatMillions(v, lang)} bars={lent.map((y) => ({ label: String(y.year), value: y.credit!.disbursementTurnover }))} />}
    </>
  );
}

function Breakdown({ figures, lentByProgramme }: { figures: FiguresFragment; lentByProgramme: ReadonlyArray<{ programme: string; disbursementTurnover: number }> | null }) {
  const { t, lang, count } = useReportFormat();
  const { housing, training, infrastructure } = figures;
  const lent = (lentByProgramme ?? []).filter((row) => row.disbursementTurnover > 0);
  return (
    <div className="breakdowns">
      {lent.length > 0 && (
        <BarChart
          title={t('turnoverByProgramme')}
          format={(v) => formatMillions(v, lang)}
          bars={[...lent].sort((a, b) => b.disbursementTurnover - a.disbursementTurnover).map((row) => ({ label: labelOf(lang, 'loan', row.programme), value: row.disbursementTurnover }))}
        />
      )}
      {housing && (
        <BarChart
          title={t('housesBuilt')}
          format={count}
          bars={[
            { label: t('newBuilds'), value: housing.newBuilds },
            { label: t('repairs'), value: housing.repairs },
            { label: t('completed'), value: housing.completed },
          ]}
        />
      )}
      {training && (
        <BarChart
          title={t('courses')}
          format={count}
          bars={[
            { label: t('vocationalCourses'), value: training.vocationalCourses },
            { label: t('otherCourses'), value: training.courses - training.vocationalCourses },
            { label: t('jobFairs'), value: training.jobFairs },
          ]}
        />
      )}
      {infrastructure && (
        <BarChart
          title={`${t('infrastructureCapital')} (${t('millions')})`}
          format={(v) => formatMillions(v, lang)}
          bars={[
            { label: t('investmentCapital'), value: infrastructure.investmentCapital },
            { label: t('recurrentCapital'), value: infrastructure.recurrentCapital },
          ]}
        />
      )}
    </div>
  );
}

type UnitRow = NonNullable<ReportByUnitQuery['adminUnit']>['children'][number];

function UnitTable({ rows }: { rows: UnitRow[] }) {
  const { t, lang, count } = useReportFormat();
  return <SortableTable testId="units-table" rows={rows} rowKey={(row) => row.code} columns={unitColumns(t, lang, count)} />;
}

function unitColumns(t: Translate, lang: Lang, count: (n: number) => string): Column<UnitRow>[] {
  const numeric = (key: string, label: string, value: (row: UnitRow) => number | null | undefined, show: (n: number) => string = count): Column<UnitRow> => ({
    key,
    label,
    numeric: true,
    value,
    render: (row) => {
      const v = value(row);
      return v == null ? '—' : show(v);
    },
  });
  return [
    { key: 'name', label: t('unit'), value: (row) => row.name },
    numeric('households', t('households'), (row) => row.report?.poverty?.totalHouseholds),
    numeric('poor', t('poor'), (row) => row.report?.poverty?.poor),
    numeric('rate', `${t('rate')} %`, (row) => row.report?.poverty?.povertyRate, (v) => formatPercent(v, lang)),
    numeric('nearPoor', t('nearPoor'), (row) => row.report?.poverty?.nearPoor),
    numeric('loans', t('loansDisbursed'), (row) => row.report?.credit?.loansDisbursed),
    numeric('turnover', `${t('turnover')} (${t('millions')})`, (row) => row.report?.credit?.disbursementTurnover, (v) => formatMillions(v, lang)),
    numeric('houses', t('housesBuilt'), (row) => (row.report?.housing ? row.report.housing.newBuilds + row.report.housing.repairs : null)),
    numeric('trainees', t('trainees'), (row) => row.report?.training?.trainees),
    numeric('capital', `${t('infrastructureCapital')} (${t('millions')})`, (row) => (row.report?.infrastructure ? row.report.infrastructure.investmentCapital + row.report.infrastructure.recurrentCapital : null), (v) => formatMillions(v, lang)),
  ];
}
