import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A commune a work serves, with the code the registry knew at approval (never
 * rewritten). `position` keeps the order the communes were listed in.
 */
@Entity({ name: 'project_communes' })
export class ProjectCommune {
  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'text' })
  communeCode!: string;

  @Column({ type: 'int' })
  position!: number;
}
