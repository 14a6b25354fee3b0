import { useState } from 'react';
import { MissingNotice, Panel } from '../components/Panel';
import { useToken } from '../lib/auth';
import { CoverageCountsDocument, UnreachedDocument, type CoverageCountsQuery, type CoverageCountsQueryVariables, type UnreachedQuery, type UnreachedQueryVariables } from '../generated/operations';
import { SUPPORT_PROGRAMMES, toggleProgramme, unreachedVariables, type CoverageFilter, type ListStatus } from '../lib/coverage';
import { downloadCsv } from '../lib/download';
import { formatCount, formatPercent } from '../lib/format';
import { useT } from '../lib/i18n';
import { useGraph } from '../lib/useGraph';

const PAGE = 50;

/** Coverage (độ bao phủ): who of the poor and near-poor the programmes reached, and the list of those they did not. */
export function CoverageView({ area, year, onOpenHousehold }: { area: string; year: number; onOpenHousehold(code: string): void }) {
  const { t, lang } = useT();
  const { token } = useToken();
  const [filter, setFilter] = useState<CoverageFilter>({ status: null, without: SUPPORT_PROGRAMMES });
  const [shown, setShown] = useState(PAGE);
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const counts = useGraph<CoverageCountsQuery, CoverageCountsQueryVariables>(CoverageCountsDocument, { code: area, year });
  const variables = unreachedVariables(area, year, filter, shown);
  // Nothing ticked: nothing to ask (the list is hidden and says so).
  const list = useGraph<UnreachedQuery, UnreachedQueryVariables | Record<string, never>>(UnreachedDocument, variables ?? {}, variables === null);
  const coverage = counts.data?.adminUnit?.coverage;
  const unreached = list.data?.adminUnit?.coverage?.unreached;
  const count = (n: number) => formatCount(n, lang);

  const changeFilter = (next: CoverageFilter) => {
    setFilter(next);
    setShown(PAGE);
  };
  const saveCsv = async () => {
    const exportVariables = unreachedVariables(area, year, filter, 1000);
    if (!exportVariables || !token) return;
    setDownload({ busy: true, error: null });
    try {
      await downloadCsv(UnreachedDocument, exportVariables, token, `ho-chua-duoc-ho-tro-${area}-${year}.csv`);
      setDownload({ busy: false, error: null });
    } catch (error) {
      setDownload({ busy: false, error: (error as Error).message });
    }
  };

  return (
    <>
      <Panel title={coverage ? t('coverageTitle', { year, reviewYear: coverage.reviewYear }) : t('viewCoverage')} loading={counts.loading} failure={counts.failure} onRetry={counts.retry} testId="coverage-counts">
        <MissingNotice missing={counts.missing} />
        {coverage && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th />
                  {(['listed', 'withLoan', 'withHousing', 'withTraining', 'withNone', 'coverageRate'] as const).map((key) => (
                    <th key={key} className="num">
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {([['poor', coverage.poor], ['nearPoor', coverage.nearPoor]] as const).map(([key, c]) => (
                  <tr key={key}>
                    <th scope="row">{t(key)}</th>
                    {[c.households, c.withLoan, c.withHousingSupport, c.withTraining, c.withNone].map((n, i) => (
                      <td key={i} className="num">
                        {count(n)}
                      </td>
                    ))}
                    <td className="num">{formatPercent(c.coverageRate, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel
        title={t('unreachedTitle')}
        loading={list.loading}
        failure={list.failure}
        onRetry={list.retry}
        testId="unreached"
        actions={
          <button type="button" onClick={saveCsv} disabled={download.busy || !variables}>
            {download.busy ? t('downloading') : t('downloadCsv')}
          </button>
        }
      >
        <div className="filters">
          <label>
            {t('statusFilter')}{' '}
            <select value={filter.status ?? ''} onChange={(event) => changeFilter({ ...filter, status: (event.target.value || null) as ListStatus })}>
              <option value="">{t('allStatuses')}</option>
              <option value="POOR">{t('poor')}</option>
              <option value="NEAR_POOR">{t('nearPoor')}</option>
            </select>
          </label>
          <fieldset>
            <legend>{t('withoutFilter')}</legend>
            {SUPPORT_PROGRAMMES.map((programme) => (
              <label key={programme}>
                <input type="checkbox" checked={filter.without.includes(programme)} onChange={() => changeFilter(toggleProgramme(filter, programme))} /> {t(`without_${programme}`)}
              </label>
            ))}
          </fieldset>
        </div>
        {download.error && <p className="failure">{download.error}</p>}
        {!variables && <p className="muted">{t('chooseProgramme')}</p>}
        <MissingNotice missing={list.missing} />
        {unreached && variables && (
          <>
            <p className="muted">{t('shown', { shown: count(unreached.nodes.length), total: count(unreached.totalCount) })}</p>
            <div className="table-wrap">
              <table data-testid="unreached-table">
                <thead>
                  <tr>
                    <th>{t('code')}</th>
                    <th>{t('headName')}</th>
                    <th>{t('nationalId')}</th>
                    <th>{t('village')}</th>
                    <th>{t('commune')}</th>
                  </tr>
                </thead>
                <tbody>
                  {unreached.nodes.map((household) => (
                    <tr key={household.code}>
                      <td>
                        <button type="button" className="link" onClick={() => onOpenHousehold(household.code)}>
                          {household.code}
                        </button>
                      </td>
                      <td>{household.headName}</td>
                      <td>{household.nationalId ?? '—'}</td>
                      <td>{household.village}</td>
                      <td>{household.commune.name}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {unreached.pageInfo.hasNextPage && (
              <button type="button" onClick={() => setShown((n) => Math.min(n + PAGE * 4, 1000))} disabled={shown >= 1000}>
                {t('more')}
              </button>
            )}
          </>
        )}
      </Panel>
    </>
  );
}
