import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements sent, so tests can prove that a
 * query costs the same number of statements for 10 rows and for 1,000.
 */
export class SqlCounter implements Logger {
  readonly statements: string[] = [];

  get count(): number {
    return this.statements.length;
  }

  reset(): void {
    this.statements.length = 0;
  }

  logQuery(query: string): void {
    // Transaction control is not a data access; count only real statements.
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query.trim())) return;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
