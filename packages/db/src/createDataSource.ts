import { DataSource, type Logger, type MixedList, type EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './SnakeNamingStrategy';
import { POVGRAPH_TYPE_PARSERS } from './typeParsers';

export interface DataSourceOptions {
  url: string;
  /** Listed explicitly, never globbed, so a build never misses one. */
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** e.g. the service name; shows in pg_stat_activity. */
  applicationName: string;
  logger?: Logger;
  poolSize?: number;
}

/**
 * A PostgreSQL data source with povgraph's conventions: snake_case columns,
 * explicit migrations only (schema is never synchronised from entities),
 * calendar dates read as their YYYY-MM-DD text.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: options.applicationName,
    logging: options.logger ? ['query'] : false,
    logger: options.logger,
    poolSize: options.poolSize ?? 10,
    // Handed to every pg client of the pool: dates stay YYYY-MM-DD text.
    extra: { types: POVGRAPH_TYPE_PARSERS },
  });
}
