import type { Lang } from './i18n';

/** Numbers as officials write them: vi-VN groups thousands with '.', decimals with ','. */
const localeOf = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');
const MINUS = '−';

export function formatCount(value: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(value);
}

/** A rate the graph gives in percent with 2 decimals: "33,78 %" / "33.78%". */
export function formatPercent(value: number, lang: Lang): string {
  const number = new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(value));
  return `${value < 0 ? MINUS : ''}${number}${lang === 'vi' ? ' %' : '%'}`;
}

/**
 * Integer đồng as millions (triệu đồng), as reports write money: 99,186,000,000 →
 * "99.186". Up to three decimals, so nothing above a thousand đồng is rounded away.
 */
export function formatMillions(dong: number, lang: Lang): string {
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 3 }).format(dong / 1_000_000);
}

/** A signed change: "−5,91" points or "+12" households; "0" for no change. */
export function formatChange(value: number, lang: Lang, kind: 'count' | 'points'): string {
  const body = kind === 'points' ? new Intl.NumberFormat(localeOf(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(value)) : formatCount(Math.abs(value), lang);
  if (value === 0) return body;
  return `${value < 0 ? MINUS : '+'}${body}`;
}

/** An ISO day (2023-12-31) as "31/12/2023" (vi) or "31 Dec 2023" (en). */
export function formatDate(isoDay: string, lang: Lang): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return new Intl.DateTimeFormat(localeOf(lang), { day: '2-digit', month: lang === 'vi' ? '2-digit' : 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
