import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

/** Support for a worker going abroad under contract (đi làm việc ở nước ngoài theo hợp đồng). */
@Entity({ name: 'labour_export_supports' })
@Index(['householdId', 'workerNameKey', 'departureDate'], { unique: true })
@Index(['communeCode', 'departureDate'])
export class LabourExportSupport extends BaseEntity {
  /** A household of the registry (households subgraph); checked through the graph when recorded. */
  @Column({ type: 'uuid' })
  householdId!: string;

  /** The household's commune in the registry when the support was recorded. */
  @Column({ type: 'text' })
  communeCode!: string;

  @Column({ type: 'text' })
  workerName!: string;

  /** The name as compared for duplicates: one support per worker and departure. */
  @Column({ type: 'text' })
  workerNameKey!: string;

  @Column({ type: 'text' })
  destinationCountry!: string;

  @Column({ type: 'date' })
  departureDate!: string;

  @Column(moneyColumn())
  amount!: number;
}
