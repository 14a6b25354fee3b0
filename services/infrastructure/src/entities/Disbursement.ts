import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

/** One payment to a work (một lần giải ngân); the work's `disbursed` is their sum. */
@Entity({ name: 'disbursements' })
@Index(['projectId', 'disbursedOn'])
export class Disbursement extends BaseEntity {
  @Column({ type: 'uuid' })
  projectId!: string;

  @Column(moneyColumn())
  amount!: number;

  @Column({ type: 'date' })
  disbursedOn!: string;
}
