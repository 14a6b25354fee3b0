import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@povgraph/testing';
import { createDataSource } from '..';

@Entity({ name: 'visits' })
class Visit {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ type: 'date' })
  visitedOn!: string;
}

describe('calendar dates', () => {
  let database: TestDatabase;
  let source: ReturnType<typeof createDataSource>;
  const timeZone = process.env['TZ'];

  beforeAll(async () => {
    // East of Greenwich, where a date parsed as local midnight shows the previous day in UTC.
    process.env['TZ'] = 'Asia/Ho_Chi_Minh';
    database = await createTestDatabase('dates');
    source = createDataSource({ url: database.url, entities: [Visit], migrations: [], applicationName: 'test' });
    await source.initialize();
    await source.query('CREATE TABLE visits (id serial PRIMARY KEY, visited_on date NOT NULL)');
  });
  afterAll(async () => {
    process.env['TZ'] = timeZone;
    await source.destroy();
    await database.drop();
  });

  it('reads a date column as its YYYY-MM-DD text, through entities and raw queries alike', async () => {
    const saved = await source.getRepository(Visit).save({ visitedOn: '2023-12-31' });
    expect((await source.getRepository(Visit).findOneByOrFail({ id: saved.id })).visitedOn).toBe('2023-12-31');
    const [raw] = await source.query('SELECT visited_on, ARRAY[visited_on, $1::date] AS days FROM visits WHERE id = $2', ['2024-01-01', saved.id]);
    expect(raw).toEqual({ visited_on: '2023-12-31', days: ['2023-12-31', '2024-01-01'] });
  });

  it('keeps the other types as pg reads them', async () => {
    const [raw] = await source.query(`SELECT 7::int AS n, '2023-12-31 10:00+07'::timestamptz AS at, 190434000000::bigint AS money`);
    expect(raw.n).toBe(7);
    expect(raw.at).toBeInstanceOf(Date);
    expect((raw.at as Date).toISOString()).toBe('2023-12-31T03:00:00.000Z');
    expect(raw.money).toBe('190434000000');
  });
});
