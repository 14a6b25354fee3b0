import { Column, Entity, Index } from 'typeorm';
import { BaseEntity, moneyColumn } from '@povgraph/db';

export enum WorkCategory {
  ROAD = 'ROAD',
  SCHOOL = 'SCHOOL',
  IRRIGATION = 'IRRIGATION',
  CLEAN_WATER = 'CLEAN_WATER',
  HEALTH_STATION = 'HEALTH_STATION',
  ELECTRICITY = 'ELECTRICITY',
  MARKET = 'MARKET',
  CULTURAL_HOUSE = 'CULTURAL_HOUSE',
  OTHER = 'OTHER',
}

export enum WorkKind {
  /** Đầu tư mới. */
  NEW_WORK = 'NEW_WORK',
  /** Duy tu, bảo dưỡng. */
  MAINTENANCE = 'MAINTENANCE',
}

export enum WorkStatus {
  APPROVED = 'APPROVED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/**
 * A Dự án 1 work (công trình). The communes it serves live in `project_communes`
 * (see ProjectCommune), so an area counts a work once however many of its
 * communes the work serves.
 */
@Entity({ name: 'infrastructure_projects' })
@Index(['programmeYear', 'name', 'id'])
export class InfrastructureProject extends BaseEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  category!: WorkCategory;

  @Column({ type: 'text' })
  kind!: WorkKind;

  /** Năm kế hoạch. */
  @Column({ type: 'int' })
  programmeYear!: number;

  @Column({ type: 'date' })
  approvedOn!: string;

  @Column({ type: 'date', nullable: true })
  startedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  cancelledOn!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  /** Changed only through the transition table in domain/workflow. */
  @Column({ type: 'text' })
  status!: WorkStatus;

  /** Vốn đầu tư phát triển, đồng. */
  @Column(moneyColumn())
  investmentCapital!: number;

  /** Vốn sự nghiệp, đồng. */
  @Column(moneyColumn())
  recurrentCapital!: number;

  /** Giải ngân lũy kế, đồng: the sum of the work's disbursements, never above the two capitals. */
  @Column(moneyColumn())
  disbursed!: number;

  /** Chủ đầu tư / ban quản lý dự án. */
  @Column({ type: 'text' })
  investor!: string;
}
