import { Column, Entity, PrimaryGeneratedColumn, CreateDateColumn, type EntityManager, type QueryRunner } from 'typeorm';
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

/**
 * How a bulk write is audited: `each` — a row per record changed (a clerk's
 * write); `batch` — one row per batch naming what it wrote (an import, such as
 * the demo dataset or a commune's register loaded from a spreadsheet).
 */
export type AuditGranularity = 'each' | 'batch';

/** One audit row for an import batch: who wrote which records, in one entry. */
export function batchAudit(caller: AuditInput['caller'], requestId: string | null, action: string, entityType: string, ids: readonly string[]): AuditInput {
  return { caller, requestId, action: `${action}:batch`, entityType, entityId: '*', before: null, after: { count: ids.length, ids } };
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

/** Rows per INSERT: keeps the statement well under PostgreSQL's parameter and size limits. */
const AUDIT_CHUNK = 5000;

/**
 * Writes audit rows inside the caller's transaction, so they commit or roll back
 * with the change. A batch of any size costs one statement per 5,000 rows.
 */
export async function recordAudit(manager: EntityManager, entries: AuditInput | AuditInput[]): Promise<void> {
  const all = Array.isArray(entries) ? entries : [entries];
  for (let start = 0; start < all.length; start += AUDIT_CHUNK) {
    const chunk = all.slice(start, start + AUDIT_CHUNK);
    const column = <T>(pick: (entry: AuditInput) => T) => chunk.map(pick);
    await manager.query(
      `INSERT INTO audit_log (actor_subject, actor_role, actor_agency, request_id, action, entity_type, entity_id, before, after)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[])`,
      [
        column((e) => e.caller.subject),
        column((e) => e.caller.role),
        column((e) => e.caller.agency),
        column((e) => e.requestId),
        column((e) => e.action),
        column((e) => e.entityType),
        column((e) => e.entityId),
        column((e) => (e.before === null ? null : JSON.stringify(e.before))),
        column((e) => (e.after === null ? null : JSON.stringify(e.after))),
      ],
    );
  }
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
