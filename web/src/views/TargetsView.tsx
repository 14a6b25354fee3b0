import { Panel } from '../components/Panel';
import { formatCount } from '../lib/format';
import { useT, type MessageKey } from '../lib/i18n';
import { useGraph } from '../lib/useGraph';
import { TargetResultsDocument, type TargetResultsQuery, type TargetResultsQueryVariables, type TargetStatus } from '../generated/operations';

const STATUS_LABEL: Record<TargetStatus, MessageKey> = { MET: 'met', NOT_MET: 'notMet', NOT_MEASURED: 'notMeasured' };

/** Targets vs results (chỉ tiêu và kết quả): each unit's targets of the year beside what the graph measures. */
export function TargetsView({ area, year }: { area: string; year: number }) {
  const { t, lang } = useT();
  const answer = useGraph<TargetResultsQuery, TargetResultsQueryVariables>(TargetResultsDocument, { code: area, year });
  const results = answer.data?.adminUnit?.targetResults ?? [];
  const number = (value: number) => (Number.isInteger(value) ? formatCount(value, lang) : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value));
  return (
    <Panel title={t('targetsTitle', { year })} loading={answer.loading} failure={answer.failure} onRetry={answer.retry} testId="targets">
      {answer.data && !results.length && <p className="muted">{t('noTargets')}</p>}
      {results.length > 0 && (
        <div className="table-wrap">
          <table data-testid="targets-table">
            <thead>
              <tr>
                <th>{t('unit')}</th>
                <th>{t('indicator')}</th>
                <th className="num">{t('target')}</th>
                <th className="num">{t('measured')}</th>
                <th>{t('assessment')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr key={`${result.target.unitCode}-${result.target.indicator}`}>
                  <td>{result.target.unit.name}</td>
                  <td>{t(`indicator_${result.target.indicator}` as MessageKey)}</td>
                  <td className="num">{number(result.target.value)}</td>
                  <td className="num">{result.measured === null ? '—' : number(result.measured)}</td>
                  <td>
                    <span className={`badge badge-${result.status.toLowerCase()}`} title={result.basis}>
                      {result.status === 'MET' ? '✔ ' : result.status === 'NOT_MET' ? '✘ ' : ''}
                      {t(STATUS_LABEL[result.status])}
                    </span>
                    {/* Why a target cannot be measured is worth reading; a tooltip would hide it on a tablet. */}
                    {result.status === 'NOT_MEASURED' && <div className="basis">{result.basis}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
