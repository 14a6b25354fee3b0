import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@povgraph/db';

export enum TargetIndicator {
  POVERTY_RATE_POINTS = 'POVERTY_RATE_POINTS',
  NEAR_POVERTY_RATE_POINTS = 'NEAR_POVERTY_RATE_POINTS',
  POOR_AND_NEAR_POOR_RATE_POINTS = 'POOR_AND_NEAR_POOR_RATE_POINTS',
  POOR_HOUSEHOLDS = 'POOR_HOUSEHOLDS',
  NEAR_POOR_HOUSEHOLDS = 'NEAR_POOR_HOUSEHOLDS',
  JOBS = 'JOBS',
  TRAINED_LABOUR_SHARE = 'TRAINED_LABOUR_SHARE',
}

/** A reduction target assigned to a unit for a year (giao chỉ tiêu giảm nghèo). */
@Entity({ name: 'reduction_targets' })
@Index(['unitCode', 'year', 'indicator'], { unique: true })
export class ReductionTarget extends BaseEntity {
  @Column({ type: 'text' })
  unitCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  indicator!: TargetIndicator;

  /** Points, households, jobs or percent, by indicator; a reduction is a positive number. */
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  value!: number;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
