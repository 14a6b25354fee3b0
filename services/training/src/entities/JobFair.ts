import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@povgraph/db';

/** A job fair (phiên giao dịch việc làm / hội chợ việc làm) held in one commune. */
@Entity({ name: 'job_fairs' })
@Index(['communeCode', 'heldOn', 'organiserKey'], { unique: true })
export class JobFair extends BaseEntity {
  @Column({ type: 'text' })
  communeCode!: string;

  @Column({ type: 'date' })
  heldOn!: string;

  @Column({ type: 'text' })
  organiser!: string;

  /** The organiser as compared for duplicates: one fair per organiser, commune and day. */
  @Column({ type: 'text' })
  organiserKey!: string;

  @Column({ type: 'int' })
  participants!: number;

  @Column({ type: 'int' })
  employers!: number;

  @Column({ type: 'int' })
  jobsOffered!: number;

  @Column({ type: 'int' })
  peopleHired!: number;
}
