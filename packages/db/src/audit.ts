import { Column, Entity, PrimaryGeneratedColumn, CreateDateColumn, type EntityManager, type QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Caller } from '@povgraph/auth';

/** One row per change: who did what to which record, with the record before and after. */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  actorSubject!: string;

  @Column({ type: 'text' })
  actorRole!: string;

  @Column({ type: 'text' })
  actorAgency!: string;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  /** The mutation or job, e.g. `recordAssessment`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'text' })
  entityId!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;
}

export interface AuditInput {
  caller: Caller;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** The record as it was; null for a creation. */
  before: object | null;
  /** The record as it is now; null for a deletion. */
  after: object | null;
}

/** Plain JSON of a record (dates as ISO text), as it is stored in jsonb. */
const toJson = (value: object | null): Record<string, unknown> | null =>
  value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

/** Writes audit rows inside the caller's transaction, so they commit or roll back with the change. */
export async function recordAudit(manager: EntityManager, entries: AuditInput | AuditInput[]): Promise<void> {
  const rows = (Array.isArray(entries) ? entries : [entries]).map((entry) => ({
    actorSubject: entry.caller.subject,
    actorRole: entry.caller.role,
    actorAgency: entry.caller.agency,
    requestId: entry.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: toJson(entry.before),
    after: toJson(entry.after),
  }));
  if (rows.length > 0) await manager.insert(AuditEntry, rows as QueryDeepPartialEntity<AuditEntry>[]);
}

/** For each service's first migration: the audit table, identical in every database. */
export async function createAuditLogTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_subject text NOT NULL,
      actor_role text NOT NULL,
      actor_agency text NOT NULL,
      request_id text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      before jsonb,
      after jsonb
    )`);
  await queryRunner.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`);
}
