import type { DataSource } from 'typeorm';
import type { TestSubgraph } from '@povgraph/testing';
import { insertUnits, recipe as households, UNITS } from '../../../services/households/test/fixtures';
import { recipe } from '../../../services/training/test/fixtures';
import { startTestStack, type TestStack } from '../stack';

/** The training subgraph reading a real household registry through the real gateway. */
export interface WithRegistry {
  stack: TestStack;
  /** The registry (households subgraph), with the units of households' fixtures. */
  registry: TestSubgraph;
  training: TestSubgraph;
}

export async function startWithRegistry(): Promise<WithRegistry> {
  const stack = await startTestStack({ households, training: recipe });
  const registry = stack.subgraphs['households']!;
  await insertUnits(registry.dataSource);
  return { stack, registry, training: stack.subgraphs['training']! };
}

/** A household straight into the registry's table; returns its id. */
export async function registerHousehold(registry: DataSource, code: string, communeCode: string = UNITS.communeA, registeredOn = '2020-01-01'): Promise<string> {
  const [row] = await registry.query(
    `INSERT INTO households (code, head_name, commune_code, village, area_type, members, registered_on)
     VALUES ($1, $2, $3, 'Làng Tơ Pơ', 'RURAL', 5, $4) RETURNING id`,
    [code, `Chủ hộ ${code}`, communeCode, registeredOn],
  );
  return row.id;
}

