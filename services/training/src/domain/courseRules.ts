/**
 * Pure rules of courses and enrolments: each returns what is wrong, for a clerk,
 * or null when the value is acceptable. Dates are YYYY-MM-DD text, which compares
 * correctly as text.
 */

/** Elementary vocational training admits learners from 14 (Luật Giáo dục nghề nghiệp 2014). */
export const MIN_TRAINEE_AGE = 14;
export const MAX_TRAINEE_AGE = 100;

/** How far ahead a course may be planned: catches a mistyped year such as 2052 for 2025. */
export const PLANNING_HORIZON_YEARS = 1;

const yearOf = (day: string) => Number(day.slice(0, 4));

function addYears(day: string, years: number): string {
  return `${String(yearOf(day) + years).padStart(4, '0')}${day.slice(4)}`;
}

export function courseDatesProblem(startsOn: string, endsOn: string, today: string): { field: 'startsOn' | 'endsOn'; message: string } | null {
  const horizon = addYears(today, PLANNING_HORIZON_YEARS);
  if (startsOn > horizon) return { field: 'startsOn', message: `A course may be planned at most ${PLANNING_HORIZON_YEARS} year ahead (until ${horizon}); ${startsOn} is later. Check the year.` };
  if (endsOn < startsOn) return { field: 'endsOn', message: `The course cannot end (${endsOn}) before it starts (${startsOn}).` };
  return null;
}

export function birthYearProblem(birthYear: number, enrolledOn: string): string | null {
  const year = yearOf(enrolledOn);
  const latest = year - MIN_TRAINEE_AGE;
  const earliest = year - MAX_TRAINEE_AGE;
  if (!Number.isInteger(birthYear) || birthYear < earliest || birthYear > latest) {
    return `A trainee enrolled in ${year} must be born from ${earliest} to ${latest} (at least ${MIN_TRAINEE_AGE} years old); got ${birthYear}.`;
  }
  return null;
}

export interface EnrolmentDates {
  enrolledOn: string;
  today: string;
  courseEndsOn: string;
}

export function enrolmentDateProblem({ enrolledOn, today, courseEndsOn }: EnrolmentDates): string | null {
  if (enrolledOn > today) return `The enrolment date ${enrolledOn} is in the future; today is ${today}.`;
  if (enrolledOn > courseEndsOn) return `The course ended on ${courseEndsOn}; nobody can enrol on ${enrolledOn}.`;
  return null;
}

/** A household's records cannot predate its registration (`what` e.g. "a trainee enrolled"). */
export function beforeRegistrationProblem(day: string, registeredOn: string, what: string): string | null {
  return day < registeredOn ? `The household was registered on ${registeredOn}; it cannot have ${what} on ${day}.` : null;
}

export interface CompletionDates {
  completedOn: string;
  today: string;
  courseStartsOn: string;
  enrolledOn: string;
}

export function completionDateProblem({ completedOn, today, courseStartsOn, enrolledOn }: CompletionDates): string | null {
  if (completedOn > today) return `The completion date ${completedOn} is in the future; today is ${today}.`;
  if (completedOn < courseStartsOn) return `The course starts on ${courseStartsOn}; nobody can complete it on ${completedOn}.`;
  if (completedOn < enrolledOn) return `The trainee enrolled on ${enrolledOn}; they cannot have completed the course on ${completedOn}.`;
  return null;
}

/** Seats still free; never negative, even if capacity were lowered below the enrolled count. */
export function seatsLeft(capacity: number, enrolled: number): number {
  return Math.max(0, capacity - enrolled);
}
