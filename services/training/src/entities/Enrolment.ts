import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@povgraph/db';

/** One household member enrolled in one course (học viên). */
@Entity({ name: 'enrolments' })
@Index(['courseId', 'householdId', 'traineeNameKey'], { unique: true })
@Index(['householdId'])
export class Enrolment extends BaseEntity {
  @Column({ type: 'uuid' })
  courseId!: string;

  /** A household of the registry (households subgraph); checked through the graph at enrolment. */
  @Column({ type: 'uuid' })
  householdId!: string;

  /** The household's commune in the registry when the enrolment was recorded. */
  @Column({ type: 'text' })
  communeCode!: string;

  @Column({ type: 'text' })
  traineeName!: string;

  /** The name as compared for duplicates (see domain/names): one member is enrolled once per course. */
  @Column({ type: 'text' })
  traineeNameKey!: string;

  @Column({ type: 'int', nullable: true })
  traineeBirthYear!: number | null;

  @Column({ type: 'date' })
  enrolledOn!: string;

  @Column({ type: 'boolean', default: false })
  completed!: boolean;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  /** Có việc làm sau đào tạo; only for a trainee who completed. */
  @Column({ type: 'boolean', default: false })
  employedAfter!: boolean;
}
