import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@povgraph/testing';
import { createDataSource, openDatabase } from '..';

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
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('open');
  });
  afterAll(() => database.drop());

  it('lets two processes open one fresh database at once: the migration runs once', async () => {
    const open = () => openDatabase(createDataSource({ url: database.url, entities: [], migrations: [CreateLedger1700000000000], applicationName: 'test' }), database.url);
    const [a, b] = await Promise.all([open(), open()]);
    const applied = await a.query('SELECT name FROM migrations');
    expect(applied).toEqual([{ name: 'CreateLedger1700000000000' }]);
    await Promise.all([a.destroy(), b.destroy()]);
  });
});
