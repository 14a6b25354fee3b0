import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@povgraph/testing';
import { createDataSource, ensureDatabase, moneyColumn, MoneyTransformer, resolveDatabaseUrl, SqlCounter, withDatabase } from '..';
import { Client } from 'pg';

@Entity({ name: 'ledger' })
class LedgerLine {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column(moneyColumn())
  amountDue!: number;

  @Column(moneyColumn({ nullable: true }))
  amountPaid!: number | null;
}

describe('money column', () => {
  let database: TestDatabase;
  const counter = new SqlCounter();
  const dataSource = () => source;
  let source: ReturnType<typeof createDataSource>;

  beforeAll(async () => {
    database = await createTestDatabase('money');
    source = createDataSource({ url: database.url, entities: [LedgerLine], migrations: [], applicationName: 'test', logger: counter });
    await source.initialize();
    await source.query('CREATE TABLE ledger (id serial PRIMARY KEY, amount_due bigint NOT NULL, amount_paid bigint)');
  });
  afterAll(async () => {
    await source.destroy();
    await database.drop();
  });

  it.each([0, 1, 190_434_000_000, 332_000_000_000_000_000 / 1000, Number.MAX_SAFE_INTEGER])('round-trips %p đồng exactly', async (amount) => {
    const saved = await dataSource().getRepository(LedgerLine).save({ amountDue: amount, amountPaid: null });
    const loaded = await dataSource().getRepository(LedgerLine).findOneByOrFail({ id: saved.id });
    expect(loaded.amountDue).toBe(amount);
    expect(typeof loaded.amountDue).toBe('number');
    expect(loaded.amountPaid).toBeNull();
  });

  it('refuses to store a fraction of a đồng', async () => {
    await expect(dataSource().getRepository(LedgerLine).save({ amountDue: 1.5 })).rejects.toThrow(/safe integer/);
  });

  it('refuses to read a stored amount beyond the safe range rather than round it', () => {
    expect(() => MoneyTransformer.from('9007199254740993')).toThrow(/safe integer/);
  });

  it('counts the statements sent', async () => {
    counter.reset();
    await dataSource().getRepository(LedgerLine).find();
    expect(counter.count).toBe(1);
  });
});

describe('database settings', () => {
  it('prefers the service URL, else the shared server with the service database', () => {
    expect(resolveDatabaseUrl({ serviceUrl: 'postgres://a/own', sharedUrl: 'postgres://b/x', databaseName: 'povgraph_credit' })).toBe('postgres://a/own');
    expect(resolveDatabaseUrl({ sharedUrl: 'postgres://u@h:5432/postgres', databaseName: 'povgraph_credit' })).toBe('postgres://u@h:5432/povgraph_credit');
    expect(() => resolveDatabaseUrl({ databaseName: 'x' })).toThrow(/DATABASE_URL/);
  });

  it('creates a missing database once and leaves an existing one alone', async () => {
    const scratch = await createTestDatabase('ensure');
    const url = withDatabase(scratch.url, `${scratch.name}_made`);
    await ensureDatabase(url);
    await ensureDatabase(url);
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.end();
    const admin = new Client({ connectionString: withDatabase(scratch.url, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE "${scratch.name}_made"`);
    await admin.end();
    await scratch.drop();
  });
});
