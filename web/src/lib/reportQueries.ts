/** The contract fields of DESIGN.md §4, as every report panel asks them. */
const FIGURES = /* GraphQL */ `
  fragment Figures on AreaYear {
    year
    poverty { totalHouseholds poor nearPoor povertyRate nearPovertyRate poorChangeFromPreviousYear nearPoorChangeFromPreviousYear rateChangeFromPreviousYear nearPoorRateChangeFromPreviousYear }
    credit { disbursementTurnover loansDisbursed outstanding }
    housing { newBuilds repairs completed amount }
    training { courses vocationalCourses trainees jobFairs jobFairParticipants labourExportSupport }
    infrastructure { works maintenanceWorks investmentCapital recurrentCapital }
  }`;

export const HEADLINE_QUERY = `query ReportHeadline($code: AdminCode!, $year: Int!) {
  adminUnit(code: $code) { code name level validTo report(year: $year) { ...Figures } }
}${FIGURES}`;

export const TREND_QUERY = `query ReportTrend($code: AdminCode!, $from: Int!, $to: Int!) {
  adminUnit(code: $code) { code trend(from: $from, to: $to) { ...Figures } }
}${FIGURES}`;

export const UNITS_REPORT_QUERY = `query ReportByUnit($code: AdminCode!, $year: Int!, $on: Date!) {
  adminUnit(code: $code) { code children(on: $on) { code name level report(year: $year) { ...Figures } } }
}${FIGURES}`;

export interface PovertyFigures {
  totalHouseholds: number;
  poor: number;
  nearPoor: number;
  povertyRate: number;
  nearPovertyRate: number;
  poorChangeFromPreviousYear: number | null;
  nearPoorChangeFromPreviousYear: number | null;
  rateChangeFromPreviousYear: number | null;
  nearPoorRateChangeFromPreviousYear: number | null;
}

/** One area-year; a programme whose agency did not answer is null. */
export interface Figures {
  year: number;
  poverty: PovertyFigures | null;
  credit: { disbursementTurnover: number; loansDisbursed: number; outstanding: number } | null;
  housing: { newBuilds: number; repairs: number; completed: number; amount: number } | null;
  training: { courses: number; vocationalCourses: number; trainees: number; jobFairs: number; jobFairParticipants: number; labourExportSupport: number } | null;
  infrastructure: { works: number; maintenanceWorks: number; investmentCapital: number; recurrentCapital: number } | null;
}

export interface HeadlineAnswer {
  adminUnit: { code: string; name: string; level: string; validTo: string | null; report: Figures | null } | null;
}
export interface TrendAnswer {
  adminUnit: { code: string; trend: Figures[] | null } | null;
}
export interface UnitsAnswer {
  adminUnit: { code: string; children: Array<{ code: string; name: string; level: string; report: Figures | null }> } | null;
}
