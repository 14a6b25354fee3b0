export { createDataSource, type DataSourceOptions } from './createDataSource';
export { SnakeNamingStrategy } from './SnakeNamingStrategy';
export { moneyColumn, MoneyTransformer } from './money';
export { BaseEntity } from './BaseEntity';
export { AuditEntry, recordAudit, createAuditLogTable, type AuditInput } from './audit';
export { resolveDatabaseUrl, ensureDatabase, databaseNameOf, withDatabase, type DatabaseSettings } from './databaseUrl';
export { startEmbeddedPostgres, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from './embeddedPostgres';
export { SqlCounter } from './SqlCounter';
export { openDatabase } from './openDatabase';
