import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';
import { RateTransformer, type CreditProgramme } from './ProgrammeRule';

/** Mass organisations VBSP entrusts loans to (ủy thác), or none. */
export enum EntrustingOrganisation {
  FARMERS_UNION = 'FARMERS_UNION',
  WOMENS_UNION = 'WOMENS_UNION',
  VETERANS_ASSOCIATION = 'VETERANS_ASSOCIATION',
  YOUTH_UNION = 'YOUTH_UNION',
  NONE = 'NONE',
}

/** A VBSP loan (món vay). Its terms are fixed at disbursement and never rewritten. */
@Entity({ name: 'loans' })
@Index(['communeCode', 'disbursedOn'])
export class Loan extends BaseEntity {
  /** The household's id in the registry (another agency's record: no foreign key). */
  @Index()
  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'text' })
  programme!: CreditProgramme;

  @Column(moneyColumn())
  principal!: number;

  /** Percent per year, from the programme rule in force on the disbursement date. */
  @Column({ type: 'numeric', precision: 6, scale: 3, transformer: RateTransformer })
  annualRate!: number;

  @Column({ type: 'numeric', precision: 6, scale: 3, transformer: RateTransformer })
  overdueAnnualRate!: number;

  @Column({ type: 'int' })
  termMonths!: number;

  @Column({ type: 'date' })
  disbursedOn!: string;

  /** disbursedOn + termMonths (end-of-month days clamp, as PostgreSQL does). */
  @Column({ type: 'date' })
  maturesOn!: string;

  @Column({ type: 'text' })
  transactionOffice!: string;

  @Column({ type: 'text' })
  savingsGroup!: string;

  @Column({ type: 'text' })
  entrustingOrganisation!: EntrustingOrganisation;

  @Column({ type: 'text' })
  purpose!: string;

  /** The household's commune on the disbursement date, from the registry; reports count the loan here. */
  @Column({ type: 'text' })
  communeCode!: string;

  /** Chosen by the client: a second request with the same key returns this loan. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;
}
