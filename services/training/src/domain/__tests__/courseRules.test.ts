import { beforeRegistrationProblem, birthYearProblem, completionDateProblem, courseDatesProblem, enrolmentDateProblem, seatsLeft } from '../courseRules';

const TODAY = '2024-06-15';

describe('courseDatesProblem', () => {
  const rows: Array<[string, string, string, string | null, RegExp | null]> = [
    ['a course in the past', '2023-03-01', '2023-05-31', null, null],
    ['a one-day course', '2024-06-15', '2024-06-15', null, null],
    ['a course planned ahead, within a year', '2025-06-15', '2025-09-30', null, null],
    ['a course planned more than a year ahead', '2025-06-16', '2025-09-30', 'startsOn', /at most 1 year ahead \(until 2025-06-15\); 2025-06-16 is later/],
    ['a mistyped year', '2052-03-01', '2052-05-01', 'startsOn', /Check the year/],
    ['an end before the start', '2024-03-01', '2024-02-28', 'endsOn', /cannot end \(2024-02-28\) before it starts \(2024-03-01\)/],
  ];
  it.each(rows)('%s', (_label, startsOn, endsOn, field, message) => {
    const problem = courseDatesProblem(startsOn, endsOn, TODAY);
    if (field === null) expect(problem).toBeNull();
    else {
      expect(problem?.field).toBe(field);
      expect(problem?.message).toMatch(message!);
    }
  });
});

describe('birthYearProblem', () => {
  const rows: Array<[string, number, string, boolean]> = [
    ['14 in the year of enrolment', 2010, '2024-01-10', true],
    ['13 in the year of enrolment', 2011, '2024-01-10', false],
    ['100 in the year of enrolment', 1924, '2024-01-10', true],
    ['101 in the year of enrolment', 1923, '2024-01-10', false],
    ['an ordinary adult', 1990, '2023-05-01', true],
    ['a year not a whole number', 1990.5, '2023-05-01', false],
  ];
  it.each(rows)('%s', (_label, birthYear, enrolledOn, acceptable) => {
    const problem = birthYearProblem(birthYear, enrolledOn);
    if (acceptable) expect(problem).toBeNull();
    else expect(problem).toMatch(/must be born from \d{4} to \d{4} \(at least 14 years old\)/);
  });
});

describe('enrolmentDateProblem', () => {
  const rows: Array<[string, string, string, RegExp | null]> = [
    ['before the course starts', '2024-02-20', '2024-05-31', null],
    ['on the last day of the course', '2024-05-31', '2024-05-31', null],
    ['today', TODAY, '2024-09-30', null],
    ['tomorrow', '2024-06-16', '2024-09-30', /2024-06-16 is in the future; today is 2024-06-15/],
    ['after the course ended', '2024-06-01', '2024-05-31', /ended on 2024-05-31; nobody can enrol on 2024-06-01/],
  ];
  it.each(rows)('%s', (_label, enrolledOn, courseEndsOn, message) => {
    const problem = enrolmentDateProblem({ enrolledOn, today: TODAY, courseEndsOn });
    if (message === null) expect(problem).toBeNull();
    else expect(problem).toMatch(message);
  });
});

describe('beforeRegistrationProblem', () => {
  it.each([
    ['the day of registration', '2022-02-01', null],
    ['after registration', '2023-01-01', null],
    ['the day before registration', '2022-01-31', /registered on 2022-02-01; it cannot have a trainee enrolled on 2022-01-31/],
  ])('%s', (_label, day, message) => {
    const problem = beforeRegistrationProblem(day, '2022-02-01', 'a trainee enrolled');
    if (message === null) expect(problem).toBeNull();
    else expect(problem).toMatch(message);
  });
});

describe('completionDateProblem', () => {
  // The course starts on 2024-03-01.
  const rows: Array<[string, string, string, RegExp | null]> = [
    ['on the day the course starts', '2024-03-01', '2024-02-20', null],
    ['after the course ends', '2024-06-10', '2024-02-20', null],
    ['today', TODAY, '2024-02-20', null],
    ['on the day of a late enrolment', '2024-03-05', '2024-03-05', null],
    ['before the course starts', '2024-02-29', '2024-02-20', /starts on 2024-03-01; nobody can complete it on 2024-02-29/],
    ['in the future', '2024-06-16', '2024-02-20', /in the future; today is 2024-06-15/],
    ['before a late enrolment', '2024-03-04', '2024-03-05', /enrolled on 2024-03-05; they cannot have completed the course on 2024-03-04/],
  ];
  it.each(rows)('%s', (_label, completedOn, enrolledOn, message) => {
    const problem = completionDateProblem({ completedOn, today: TODAY, courseStartsOn: '2024-03-01', enrolledOn });
    if (message === null) expect(problem).toBeNull();
    else expect(problem).toMatch(message);
  });
});

describe('seatsLeft', () => {
  it.each([
    [20, 0, 20],
    [20, 19, 1],
    [20, 20, 0],
    [10, 12, 0],
  ])('capacity %i with %i enrolled leaves %i', (capacity, enrolled, left) => {
    expect(seatsLeft(capacity, enrolled)).toBe(left);
  });
});
