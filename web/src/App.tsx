import { useEffect } from 'react';
import { StandardsDocument, type StandardsQuery, type StandardsQueryVariables } from './generated/operations';
import { AreaPicker } from './components/AreaPicker';
import { SignIn } from './components/SignIn';
import { TokenProvider, useToken } from './lib/auth';
import { LangContext, translate, type Lang, type MessageKey } from './lib/i18n';
import { useRoute, type Route, type View } from './lib/route';
import { useGraph } from './lib/useGraph';
import { CoverageView } from './views/CoverageView';
import { HouseholdView } from './views/HouseholdView';
import { ReportView } from './views/ReportView';
import { TargetsView } from './views/TargetsView';

const TABS: ReadonlyArray<[View, MessageKey]> = [
  ['report', 'viewReport'],
  ['coverage', 'viewCoverage'],
  ['targets', 'viewTargets'],
  ['household', 'viewHousehold'],
];

export function App() {
  const [route, navigate] = useRoute();
  return (
    <LangContext.Provider value={route.lang}>
      <TokenProvider>
        <Shell route={route} navigate={navigate} />
      </TokenProvider>
    </LangContext.Provider>
  );
}

function Shell({ route, navigate }: { route: Route; navigate(change: Partial<Route>): void }) {
  const { token, claims, signOut } = useToken();
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(route.lang, key, values);
  const otherLang: Lang = route.lang === 'vi' ? 'en' : 'vi';
  // Screen readers and the browser's own hyphenation follow the page's language.
  useEffect(() => {
    document.documentElement.lang = route.lang;
  }, [route.lang]);
  return (
    <div className="app">
      <header className="top">
        <div className="brand">
          <h1>{t('appTitle')}</h1>
          <p>{t('appSubtitle')}</p>
        </div>
        <div className="session">
          <button type="button" className="link" onClick={() => navigate({ lang: otherLang })}>
            {t('language')}
          </button>
          {claims && (
            <>
              <span className="muted" data-testid="signed-in-as">
                {claims.subject} · {claims.role}
              </span>
              <button type="button" onClick={() => signOut()}>
                {t('signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {token ? <Workspace route={route} navigate={navigate} /> : <SignIn />}
    </div>
  );
}

function Workspace({ route, navigate }: { route: Route; navigate(change: Partial<Route>): void }) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(route.lang, key, values);
  const standards = useGraph<StandardsQuery, StandardsQueryVariables>(StandardsDocument, {});
  const firstYear = Math.min(...(standards.data?.povertyStandards.map((s) => s.fromYear) ?? [2016]));
  // Years a standard covers, up to this one: a later standard may already be on the books.
  const lastYear = Math.min(new Date().getFullYear(), Math.max(...(standards.data?.povertyStandards.map((s) => s.toYear) ?? [2025])));
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => lastYear - i);
  const needsArea = route.view !== 'household';
  return (
    <>
      <nav className="controls">
        <div className="tabs" role="tablist">
          {TABS.map(([view, label]) => (
            <button key={view} type="button" role="tab" aria-selected={route.view === view} onClick={() => navigate({ view })}>
              {t(label)}
            </button>
          ))}
        </div>
        {needsArea && (
          <div className="pickers">
            <AreaPicker value={route.area} onChange={(area) => navigate({ area })} />
            <label className="picker-level">
              <span>{t('year')}</span>
              <select value={route.year} onChange={(event) => navigate({ year: Number(event.target.value) })} aria-label={t('year')}>
                {years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </nav>
      <main>
        {needsArea && !route.area && <p className="muted">{t('chooseArea')}</p>}
        {route.view === 'report' && route.area && <ReportView key={`${route.area}-${route.year}`} area={route.area} year={route.year} firstYear={firstYear} />}
        {route.view === 'coverage' && route.area && <CoverageView key={`${route.area}-${route.year}`} area={route.area} year={route.year} onOpenHousehold={(code) => navigate({ view: 'household', household: code })} />}
        {route.view === 'targets' && route.area && <TargetsView area={route.area} year={route.year} />}
        {route.view === 'household' && <HouseholdView code={route.household} onSearch={(household) => navigate({ household })} />}
      </main>
    </>
  );
}
