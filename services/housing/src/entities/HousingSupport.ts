import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

export enum HousingKind {
  NEW_BUILD = 'NEW_BUILD',
  REPAIR = 'REPAIR',
}

/** Who funds a support; each source's limits are rows of `support_rules`, this only names them. */
export enum HousingSource {
  NTP_PROJECT_5 = 'NTP_PROJECT_5',
  PROGRAMME_167 = 'PROGRAMME_167',
  FUND_FOR_THE_POOR = 'FUND_FOR_THE_POOR',
  DONOR = 'DONOR',
  OTHER = 'OTHER',
}

/** Every source, in the order reports list them. */
export const HOUSING_SOURCES: readonly HousingSource[] = Object.values(HousingSource);

export enum HousingStatus {
  APPROVED = 'APPROVED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** Numeric m² with 2 decimals arrives from `pg` as text. */
const squareMetres = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * Support to build or repair one household's house (hỗ trợ nhà ở) from one source.
 * The household lives in the registry; this row keeps only its id and the commune
 * it lived in on the approval day, so reports are local SQL and never rewritten.
 */
@Entity({ name: 'housing_supports' })
@Index(['householdId', 'source'], { unique: true, where: `status <> 'CANCELLED'` })
@Index(['communeCode', 'approvedOn'])
@Index(['communeCode', 'completedOn'])
export class HousingSupport extends BaseEntity {
  @Index()
  @Column({ type: 'uuid' })
  householdId!: string;

  /** The household's commune on the approval day, from the registry. */
  @Column({ type: 'text' })
  communeCode!: string;

  @Column({ type: 'text' })
  kind!: HousingKind;

  @Column({ type: 'text' })
  source!: HousingSource;

  /** Donor or sponsor (nhà tài trợ), when one is named. */
  @Column({ type: 'text', nullable: true })
  sponsor!: string | null;

  @Column({ type: 'date' })
  approvedOn!: string;

  @Column(moneyColumn())
  grantAmount!: number;

  /** A VBSP HOUSING loan of the same household (credit subgraph), checked at approval. */
  @Column({ type: 'uuid', nullable: true })
  loanId!: string | null;

  @Column({ type: 'text' })
  status!: HousingStatus;

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  cancelledOn!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** Floor area after the works, m² (2 decimals). */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: squareMetres })
  floorAreaM2!: number | null;

  /** Members on the completion day, read from the registry when the floor area is recorded. */
  @Column({ type: 'int', nullable: true })
  membersAtCompletion!: number | null;
}
