import { Role, type Caller } from '@povgraph/auth';

export const TEST_INTERNAL_SECRET = 'test-internal-secret-with-at-least-32-characters';
export const TEST_JWT_SECRET = 'test-jwt-secret-with-at-least-32-characters-too';

const make = (role: Role, area: string | null, agency: string): Caller => ({ subject: `${role.toLowerCase()}@${area ?? 'vn'}`, role, agency, area });

/** Callers for tests, each serving the area given. */
export const testCallers = {
  admin: () => make(Role.ADMIN, null, 'Operators'),
  analyst: (area: string | null = null) => make(Role.ANALYST, area, 'Analysts'),
  labourOffice: (area: string) => make(Role.LABOUR_OFFICE, area, `Phòng LĐ-TB&XH ${area}`),
  bankOfficer: (area: string) => make(Role.BANK_OFFICER, area, `NHCSXH ${area}`),
  housingBoard: (area: string) => make(Role.HOUSING_BOARD, area, `Ban hỗ trợ nhà ở ${area}`),
  trainingCentre: (area: string) => make(Role.TRAINING_CENTRE, area, `Trung tâm GDNN ${area}`),
  investmentBoard: (area: string) => make(Role.INVESTMENT_BOARD, area, `Ban QLDA ${area}`),
};
