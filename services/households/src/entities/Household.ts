import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@povgraph/db';

export enum AreaType {
  RURAL = 'RURAL',
  URBAN = 'URBAN',
}

/** A household in the registry (hộ gia đình), identified by its registry code. */
@Entity({ name: 'households' })
export class Household extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  headName!: string;

  @Column({ type: 'text', nullable: true })
  nationalId!: string | null;

  /** Commune code valid on the registration date; history is never rewritten. */
  @Column({ type: 'text' })
  communeCode!: string;

  @Column({ type: 'text' })
  village!: string;

  @Column({ type: 'text' })
  areaType!: AreaType;

  @Column({ type: 'int' })
  members!: number;

  @Column({ type: 'boolean' })
  ethnicMinority!: boolean;

  /** Không có khả năng lao động: no member is able to work. */
  @Column({ type: 'boolean' })
  withoutLabourCapacity!: boolean;

  /** Lives from agriculture, forestry or fishery: may be classed AVERAGE_LIVING. */
  @Column({ type: 'boolean' })
  agricultural!: boolean;

  @Column({ type: 'date' })
  registeredOn!: string;
}
