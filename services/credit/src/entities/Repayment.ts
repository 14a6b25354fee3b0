import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

/** A repayment of principal (thu nợ gốc) on one loan. */
@Entity({ name: 'repayments' })
@Index(['loanId', 'paidOn'])
export class Repayment extends BaseEntity {
  @Column({ type: 'uuid' })
  loanId!: string;

  @Column({ type: 'date' })
  paidOn!: string;

  @Column(moneyColumn())
  amount!: number;

  /** The loan's commune, so collections are counted where the loan was made. */
  @Column({ type: 'text' })
  communeCode!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  idempotencyKey!: string;
}
