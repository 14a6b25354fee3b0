import { BarChart, LineChart } from '../components/charts';
import { MissingNotice, Panel } from '../components/Panel';
import { SortableTable, type Column } from '../components/SortableTable';
import { StatCard } from '../components/StatCard';
import { formatChange, formatCount, formatMillions, formatPercent } from '../lib/format';
import { useT } from '../lib/i18n';
import { HEADLINE_QUERY, TREND_QUERY, UNITS_REPORT_QUERY, type Figures, type HeadlineAnswer, type TrendAnswer, type UnitsAnswer } from '../lib/reportQueries';
import { useGraph } from '../lib/useGraph';

/** The year-end programme report (báo cáo tổng kết năm) of an area: headline, trend, breakdown, units. */
export function ReportView({ area, year, firstYear }: { area: string; year: number; firstYear: number }) {
  const { t, lang } = useT();
  const headline = useGraph<HeadlineAnswer>(HEADLINE_QUERY, { code: area, year });
  const from = Math.max(firstYear, year - 4);
  const trend = useGraph<TrendAnswer>(TREND_QUERY, { code: area, from, to: year });
  const units = useGraph<UnitsAnswer>(UNITS_REPORT_QUERY, { code: area, year, on: `${year}-12-31` });
  const unit = headline.data?.adminUnit;
  const report = unit?.report ?? null;
  const millions = (dong: number) => `${formatMillions(dong, lang)} ${t('millions')}`;
  const count = (n: number) => formatCount(n, lang);

  return (
    <>
      <Panel title={unit ? `${unit.name} — ${year}` : t('viewReport')} loading={headline.loading} failure={headline.failure} onRetry={headline.retry} testId="headline">
        {report && (
          <>
            <MissingNotice missing={headline.missing} />
            <Headline figures={report} />
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
          {report && <Breakdown figures={report} />}
        </Panel>
      </div>
      {(units.loading || (units.data?.adminUnit?.children.length ?? 0) > 0 || units.failure) && (
        <Panel title={t('communesTitle')} loading={units.loading} failure={units.failure} onRetry={units.retry} testId="units">
          {units.data?.adminUnit && (
            <>
              <MissingNotice missing={units.missing} />
              <SortableTable
                testId="units-table"
                rows={units.data.adminUnit.children}
                rowKey={(row) => row.code}
                columns={unitColumns(t, count, millions, lang)}
              />
            </>
          )}
        </Panel>
      )}
    </>
  );

  function Headline({ figures }: { figures: Figures }) {
    const { poverty, credit, housing, training, infrastructure } = figures;
    const change = (value: number | null, kind: 'count' | 'points') => (value === null ? null : `${formatChange(value, lang, kind)}${kind === 'points' ? ` ${t('points')}` : ''} ${t('changeFromPrevious')}`);
    return (
      <div className="cards">
        <StatCard testId="card-households" label={t('households')} value={poverty && count(poverty.totalHouseholds)} />
        <StatCard
          testId="card-poor"
          label={t('poor')}
          value={poverty && count(poverty.poor)}
          detail={poverty && (
            <>
              <span data-testid="poverty-rate">{formatPercent(poverty.povertyRate, lang)}</span> · {[change(poverty.poorChangeFromPreviousYear, 'count'), change(poverty.rateChangeFromPreviousYear, 'points')].filter(Boolean).join(' · ')}
            </>
          )}
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

  function TrendCharts({ years }: { years: Figures[] }) {
    const xs = years.map((y) => y.year);
    const percent = (v: number) => formatPercent(v, lang);
    const turnover = years.map((y) => y.credit?.disbursementTurnover ?? null);
    return (
      <>
        <LineChart
          title={t('povertyRate')}
          xs={xs}
          format={percent}
          series={[
            { label: t('povertyRate'), values: years.map((y) => (reviewed(y) ? y.poverty!.povertyRate : null)), className: 'series-poor' },
            { label: t('nearPovertyRate'), values: years.map((y) => (reviewed(y) ? y.poverty!.nearPovertyRate : null)), className: 'series-near-poor' },
          ]}
        />
        {turnover.some((v) => v !== null) && (
          <BarChart title={`${t('turnover')} (${t('millions')})`} format={(v) => formatMillions(v, lang)} bars={years.filter((y) => y.credit).map((y) => ({ label: String(y.year), value: y.credit!.disbursementTurnover }))} />
        )}
      </>
    );
  }

  function Breakdown({ figures }: { figures: Figures }) {
    const { housing, training, infrastructure } = figures;
    return (
      <div className="breakdowns">
        {housing && <BarChart title={t('housesBuilt')} format={count} bars={[{ label: t('newBuilds'), value: housing.newBuilds }, { label: t('repairs'), value: housing.repairs }, { label: t('completed'), value: housing.completed }]} />}
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
}

/** A year with a review in the area: one without reviews has no rate, not a rate of zero. */
const reviewed = (figures: Figures) => (figures.poverty?.totalHouseholds ?? 0) > 0;

type UnitRow = NonNullable<UnitsAnswer['adminUnit']>['children'][number];

function unitColumns(t: ReturnType<typeof useT>['t'], count: (n: number) => string, millions: (n: number) => string, lang: 'vi' | 'en'): Column<UnitRow>[] {
  const num = (key: string, label: string, value: (row: UnitRow) => number | null | undefined, show: (n: number) => string = count): Column<UnitRow> => ({
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
    num('households', t('households'), (row) => row.report?.poverty?.totalHouseholds),
    num('poor', t('poor'), (row) => row.report?.poverty?.poor),
    num('rate', `${t('rate')} %`, (row) => row.report?.poverty?.povertyRate, (v) => formatPercent(v, lang)),
    num('nearPoor', t('nearPoor'), (row) => row.report?.poverty?.nearPoor),
    num('loans', t('loansDisbursed'), (row) => row.report?.credit?.loansDisbursed),
    num('turnover', `${t('turnover')} (${t('millions')})`, (row) => row.report?.credit?.disbursementTurnover, (v) => millions(v).replace(` ${t('millions')}`, '')),
    num('houses', t('housesBuilt'), (row) => (row.report?.housing ? row.report.housing.newBuilds + row.report.housing.repairs : null)),
    num('trainees', t('trainees'), (row) => row.report?.training?.trainees),
  ];
}
