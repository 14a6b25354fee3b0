import { useState, type FormEvent, type ReactNode } from 'react';
import { MissingNotice, Panel } from '../components/Panel';
import { formatCount, formatDate, formatMillions } from '../lib/format';
import { labelOf, useT } from '../lib/i18n';
import { useGraph } from '../lib/useGraph';
import { HouseholdPageDocument, type HouseholdPageQuery, type HouseholdPageQueryVariables } from '../generated/operations';

type Review = NonNullable<HouseholdPageQuery['householdByCode']>['assessments'][number];

/** A household's whole cross-programme history (hồ sơ hộ) on one screen, found by registry code. */
export function HouseholdView({ code, onSearch }: { code: string | null; onSearch(code: string): void }) {
  const { t } = useT();
  const [draft, setDraft] = useState(code ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) onSearch(draft.trim());
  };
  return (
    <>
      <form className="household-search" onSubmit={submit}>
        <input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder={t('householdSearch')} aria-label={t('householdSearch')} />
        <button type="submit">{t('find')}</button>
      </form>
      {code && <HouseholdHistory code={code} />}
    </>
  );
}

function HouseholdHistory({ code }: { code: string }) {
  const { t, lang } = useT();
  const answer = useGraph<HouseholdPageQuery, HouseholdPageQueryVariables>(HouseholdPageDocument, { code });
  const household = answer.data?.householdByCode;
  const day = (iso: string) => formatDate(iso, lang);
  const money = (dong: number) => `${formatMillions(dong, lang)} ${t('millions')}`;
  const yesNo = (value: boolean | null) => (value === null ? '—' : value ? t('yes') : t('no'));
  return (
    <Panel title={household ? `${household.headName} — ${household.code}` : code} loading={answer.loading} failure={answer.failure} onRetry={answer.retry} testId="household">
      {answer.data && !household && <p className="muted">{t('householdNotFound', { code })}</p>}
      {household && (
        <>
          <MissingNotice missing={answer.missing} />
          <dl className="facts">
            <dt>{t('commune')}</dt>
            <dd>{household.commune.name} · {household.village}</dd>
            <dt>{t('nationalId')}</dt>
            <dd>{household.nationalId ?? '—'}</dd>
            <dt>{t('registeredOn')}</dt>
            <dd>{day(household.registeredOn)}</dd>
            <dt>{t('members')}</dt>
            <dd>{household.members}</dd>
            <dt>{t('ethnicMinority')}</dt>
            <dd>{yesNo(household.ethnicMinority)}</dd>
          </dl>
          <Section title={t('reviews')} testId="reviews" rows={household.assessments} head={[t('year'), t('status'), t('income'), t('lacking')]} cells={(a) => [a.year, labelOf(lang, 'status', a.status), formatCount(a.incomePerPersonMonthly, lang), lackingNames(a)]} />
          <Section title={t('loans')} testId="loans" rows={household.loans} head={[t('programme'), t('principal'), t('disbursedOn'), t('repaid'), t('outstandingNow')]} cells={(l) => [labelOf(lang, 'loan', l.programme), money(l.principal), day(l.disbursedOn), money(l.repayments.reduce((sum, r) => sum + r.amount, 0)), money(l.outstanding)]} />
          <Section title={t('housingSupports')} testId="housing" rows={household.housingSupports} head={[t('source'), t('kind'), t('amount'), t('approvedOn'), t('status')]} cells={(s) => [labelOf(lang, 'source', s.source), labelOf(lang, 'kind', s.kind), money(s.grantAmount), day(s.approvedOn), s.status]} />
          <Section title={t('enrolments')} testId="enrolments" rows={household.enrolments} head={[t('course'), t('kind'), t('startsOn'), t('completed'), t('employedAfter')]} cells={(e) => [e.course.name, labelOf(lang, 'course', e.course.kind), day(e.course.startsOn), yesNo(e.completed), yesNo(e.employedAfter)]} />
          <Section title={t('labourAbroad')} testId="labour-export" rows={household.labourExport} head={[t('destination'), t('departure'), t('amount')]} cells={(l) => [l.destinationCountry, day(l.departureDate), money(l.amount)]} />
        </>
      )}
    </Panel>
  );
}

/** The indicators a review found lacking, by their names in the standard of its year (Vietnamese: the standard's own words). */
function lackingNames(review: Review): string {
  const names = new Map(review.standard.indicators.map((indicator) => [indicator.code, indicator.name]));
  return review.lackingIndicators.map((code) => names.get(code) ?? code).join(', ') || '—';
}

/** One programme's rows; null (its agency did not answer) reads "no figures", an empty list "none". */
function Section<T>({ title, rows, head, cells, testId }: { title: string; rows: readonly T[] | null; head: string[]; cells(row: T): ReactNode[]; testId: string }) {
  const { t } = useT();
  return (
    <section className="history-section" data-testid={testId}>
      <h3>{title}</h3>
      {rows === null ? (
        <p className="muted">{t('noData')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>{head.map((h) => <th key={h}>{h}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>{cells(row).map((cell, j) => <td key={j}>{cell}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
