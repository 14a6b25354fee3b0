import { Column, Entity, PrimaryColumn } from 'typeorm';
import { moneyColumn } from '@povgraph/db';
import type { HousingKind, HousingSource } from './HousingSupport';

/** Poverty statuses as the registry computes them (households' PovertyStatus). */
export enum PovertyStatus {
  POOR = 'POOR',
  NEAR_POOR = 'NEAR_POOR',
  NEWLY_ESCAPED = 'NEWLY_ESCAPED',
  AVERAGE_LIVING = 'AVERAGE_LIVING',
  NOT_POOR = 'NOT_POOR',
}

/**
 * One source's cap and eligibility for one kind of support over a period
 * (quy định hỗ trợ nhà ở), as data: a new decision adds a row, not code.
 */
@Entity({ name: 'support_rules' })
export class SupportRule {
  @PrimaryColumn({ type: 'text' })
  source!: HousingSource;

  @PrimaryColumn({ type: 'text' })
  kind!: HousingKind;

  @PrimaryColumn({ type: 'date' })
  validFrom!: string;

  /** Last day the rule applies; null while in force. */
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  /** Highest grant per household in đồng; null when the source sets no cap. */
  @Column(moneyColumn({ nullable: true }))
  maxGrant!: number | null;

  /** Statuses on the approval day that qualify. */
  @Column({ type: 'text', array: true })
  qualifyingStatuses!: PovertyStatus[];

  /** Whether the household's commune must lie in a poor district (huyện nghèo). */
  @Column({ type: 'boolean' })
  requiresPoorDistrict!: boolean;

  @Column({ type: 'text' })
  legalBasis!: string;
}
