import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { testServerUrl } from '@povgraph/testing';
import { createDataSource, openDatabase, withDatabase } from '..';

/** Slow on purpose, so two unlocked runs would overlap and the second CREATE TABLE fail. */
class CreateLedger1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('SELECT pg_sleep(0.3)');
    await queryRunner.query('CREATE TABLE ledger (id serial PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ledger');
  }
}

describe('openDatabase', () => {
  const name = `povgraph_test_open_${process.pid}_${Date.now()}`;
  const url = withDatabase(testServerUrl(), name);
  afterAll(async () => {
    const admin = new Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('lets several processes open one database that does not exist yet: created once, migrated once', async () => {
    const open = () => openDatabase(createDataSource({ url, entities: [], migrations: [CreateLedger1700000000000], applicationName: 'test' }), url);
    const opened = await Promise.all([open(), open(), open()]);
    const applied = await opened[0]!.query('SELECT name FROM migrations');
    expect(applied).toEqual([{ name: 'CreateLedger1700000000000' }]);
    await Promise.all(opened.map((dataSource) => dataSource.destroy()));
  });
});
