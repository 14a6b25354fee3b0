/** What a caller does for the programme; decides what they may write. */
export enum Role {
  /** Phòng Lao động – Thương binh và Xã hội: household registry and poverty review. */
  LABOUR_OFFICE = 'LABOUR_OFFICE',
  /** Ngân hàng Chính sách xã hội (VBSP) transaction office staff. */
  BANK_OFFICER = 'BANK_OFFICER',
  /** Housing-support board (Dự án 5). */
  HOUSING_BOARD = 'HOUSING_BOARD',
  /** Vocational-training and employment centre (Dự án 4). */
  TRAINING_CENTRE = 'TRAINING_CENTRE',
  /** District investment board (Dự án 1). */
  INVESTMENT_BOARD = 'INVESTMENT_BOARD',
  /** Reads everything except national ID numbers. */
  ANALYST = 'ANALYST',
  /** Operators: may write everywhere. */
  ADMIN = 'ADMIN',
}

export const ROLES: readonly Role[] = Object.values(Role);

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as string[]).includes(value);

/** The verified caller of one request, as the gateway forwards it. */
export interface Caller {
  /** Who: a user id or login. */
  subject: string;
  role: Role;
  /** The agency or office the caller works for, e.g. "NHCSXH Kông Chro". */
  agency: string;
  /** GSO code of the area the caller serves; null means nationwide. */
  area: string | null;
}
