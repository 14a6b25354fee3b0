import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

/** What a course teaches, as reports group it. */
export enum CourseKind {
  /** Dạy nghề. */
  VOCATIONAL = 'VOCATIONAL',
  /** Khuyến nông. */
  AGRICULTURAL_EXTENSION = 'AGRICULTURAL_EXTENSION',
  SHORT_TERM_SKILLS = 'SHORT_TERM_SKILLS',
  OTHER = 'OTHER',
}

/** A training course (lớp đào tạo) held in one commune. */
@Entity({ name: 'training_courses' })
@Index(['communeCode', 'startsOn'])
export class TrainingCourse extends BaseEntity {
  @Column({ type: 'text' })
  name!: string;

  /** Nghề đào tạo. */
  @Column({ type: 'text' })
  occupation!: string;

  @Column({ type: 'text' })
  kind!: CourseKind;

  /** Where the course is held; reports count it there. Never rewritten. */
  @Column({ type: 'text' })
  communeCode!: string;

  /** Cơ sở đào tạo. */
  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'date' })
  startsOn!: string;

  @Column({ type: 'date' })
  endsOn!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column(moneyColumn())
  budget!: number;
}
