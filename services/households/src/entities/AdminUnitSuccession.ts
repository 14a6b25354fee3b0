import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The dated crosswalk old → new (bảng chuyển đổi). A commune split across several
 * new ones has one row per successor; merged provinces have one row per old province.
 */
@Entity({ name: 'admin_unit_successions' })
export class AdminUnitSuccession {
  @PrimaryColumn({ type: 'text' })
  fromCode!: string;

  @PrimaryColumn({ type: 'text' })
  toCode!: string;

  /** The first day the successor is in force (1 July 2025 for the two-tier reform). */
  @Column({ type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
