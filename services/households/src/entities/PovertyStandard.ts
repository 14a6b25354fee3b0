import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface DeprivationIndicator {
  code: string;
  dimension: string;
  name: string;
}

/** Income lines for one area type, in đồng per person per month. */
export interface IncomeLines {
  /** At or below: poor whatever the deprivation (2016–2020 standard); null when the standard has none. */
  poorIncomeLine: number | null;
  /** At or below: poor with ≥ minLackingForPoor indicators lacking, otherwise near-poor. */
  incomeLine: number;
  /** Above incomeLine up to this: average living standard for agricultural households. */
  averageLivingLine: number;
}

/** A poverty standard (chuẩn nghèo) as data: its years, lines and deprivation rule. */
@Entity({ name: 'poverty_standards' })
export class PovertyStandard {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  legalBasis!: string;

  @Column({ type: 'int' })
  fromYear!: number;

  @Column({ type: 'int' })
  toYear!: number;

  @Column({ type: 'int' })
  minLackingForPoor!: number;

  @Column({ type: 'jsonb' })
  indicators!: DeprivationIndicator[];

  @Column({ type: 'jsonb' })
  ruralLines!: IncomeLines;

  @Column({ type: 'jsonb' })
  urbanLines!: IncomeLines;
}
