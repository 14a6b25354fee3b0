import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

export enum PovertyStatus {
  POOR = 'POOR',
  NEAR_POOR = 'NEAR_POOR',
  NEWLY_ESCAPED = 'NEWLY_ESCAPED',
  AVERAGE_LIVING = 'AVERAGE_LIVING',
  NOT_POOR = 'NOT_POOR',
}

/** One household's result in one annual review (rà soát hộ nghèo, hộ cận nghèo). */
@Entity({ name: 'assessments' })
@Index(['householdId', 'year'], { unique: true })
@Index(['year', 'communeCode', 'status'])
export class Assessment extends BaseEntity {
  @Column({ type: 'uuid' })
  householdId!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'date' })
  assessedOn!: string;

  /** The household's commune at the review: reports count it there. */
  @Column({ type: 'text' })
  communeCode!: string;

  /** Thu nhập bình quân đầu người / tháng, in đồng. */
  @Column(moneyColumn())
  incomePerPersonMonthly!: number;

  @Column({ type: 'text', array: true })
  lackingIndicators!: string[];

  @Column({ type: 'text' })
  standardCode!: string;

  /** Computed by the standard in force for the year; never typed by a person. */
  @Column({ type: 'text' })
  status!: PovertyStatus;
}
