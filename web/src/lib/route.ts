import { useEffect, useState } from 'react';
import type { Lang } from './i18n';

export type View = 'report' | 'coverage' | 'targets' | 'household';
const VIEWS: readonly View[] = ['report', 'coverage', 'targets', 'household'];

/** Everything a view depends on lives in the URL, so a link shares the view. */
export interface Route {
  view: View;
  area: string | null;
  year: number;
  lang: Lang;
  /** Household page: the registry code asked. */
  household: string | null;
}

export const DEFAULT_YEAR = 2023;

export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const view = params.get('view') as View | null;
  const year = Number(params.get('year'));
  return {
    view: view && VIEWS.includes(view) ? view : 'report',
    area: params.get('area') || null,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : DEFAULT_YEAR,
    lang: params.get('lang') === 'en' ? 'en' : 'vi',
    household: params.get('household') || null,
  };
}

export function routeToSearch(route: Route): string {
  const params = new URLSearchParams();
  params.set('view', route.view);
  if (route.area) params.set('area', route.area);
  params.set('year', String(route.year));
  if (route.household) params.set('household', route.household);
  if (route.lang !== 'vi') params.set('lang', route.lang);
  return `?${params.toString()}`;
}

/** The route of the current URL, and a way to change it (one history entry per change). */
export function useRoute(): [Route, (change: Partial<Route>) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.search));
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (change: Partial<Route>) => {
    const next = { ...parseRoute(window.location.search), ...change };
    window.history.pushState(null, '', routeToSearch(next));
    setRoute(next);
  };
  return [route, navigate];
}
