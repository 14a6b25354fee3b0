import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import { moneyColumn } from '@povgraph/db';

/** VBSP lending programmes. A new one is a value here, in the SDL enum, and a rule row added by a migration. */
export enum CreditProgramme {
  POOR_HOUSEHOLD = 'POOR_HOUSEHOLD',
  NEAR_POOR_HOUSEHOLD = 'NEAR_POOR_HOUSEHOLD',
  NEWLY_ESCAPED_HOUSEHOLD = 'NEWLY_ESCAPED_HOUSEHOLD',
  STUDENT = 'STUDENT',
  LABOUR_EXPORT = 'LABOUR_EXPORT',
  CLEAN_WATER_SANITATION = 'CLEAN_WATER_SANITATION',
  HOUSING = 'HOUSING',
}

/** The registry's review result (owned by households; the values are the contract). */
export enum PovertyStatus {
  POOR = 'POOR',
  NEAR_POOR = 'NEAR_POOR',
  NEWLY_ESCAPED = 'NEWLY_ESCAPED',
  AVERAGE_LIVING = 'AVERAGE_LIVING',
  NOT_POOR = 'NOT_POOR',
}

/**
 * Rates are `numeric(6,3)` percent (6.600, 10.296): `pg` returns text, and three
 * decimals convert to a JavaScript number exactly enough to print back unchanged.
 */
export const RateTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => (value === null || value === undefined ? value : value.toFixed(3)),
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One programme's rule for one period (rate, cap, term, who qualifies), stored as data. */
@Entity({ name: 'programme_rules' })
export class ProgrammeRule {
  @PrimaryColumn({ type: 'text' })
  programme!: CreditProgramme;

  @PrimaryColumn({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  /** Percent per year. */
  @Column({ type: 'numeric', precision: 6, scale: 3, transformer: RateTransformer })
  annualRate!: number;

  /** The overdue rate as a percentage of the normal rate (130). */
  @Column({ type: 'int' })
  overdueRatePercentOfNormal!: number;

  /** Cap on what one household owes under the programme at once, new loan included. */
  @Column(moneyColumn())
  maxPrincipalPerHousehold!: number;

  @Column({ type: 'int' })
  maxTermMonths!: number;

  /** Statuses on the disbursement date that qualify; empty = any registered household. */
  @Column({ type: 'text', array: true })
  qualifyingStatuses!: PovertyStatus[];

  @Column({ type: 'text' })
  legalBasis!: string;
}
