import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Reads a subgraph's SDL file (the schema is written first, in its own file). */
export function loadTypeDefs(schemaPath: string): DocumentNode {
  return parse(readFileSync(schemaPath, 'utf8'));
}
