import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum AdminLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

/**
 * One version of an administrative unit (đơn vị hành chính). A unit keeps its GSO
 * code for life; a rename or a move to another parent starts a new version, and
 * the 2025 reform ended many units (valid_to) without ever reusing their codes.
 */
@Entity({ name: 'admin_units' })
export class AdminUnit {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @PrimaryColumn({ type: 'date' })
  validFrom!: string;

  /** Last day this version was in force; null while it still is. */
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: AdminLevel;

  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  /** A poor district (huyện nghèo) in this version. */
  @Column({ type: 'boolean', default: false })
  poorDistrict!: boolean;
}
