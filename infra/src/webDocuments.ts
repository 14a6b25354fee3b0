import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ROOT } from './services';

/** Where the front end keeps its operations, one file per view. */
export const WEB_OPERATIONS_DIR = path.join(ROOT, 'web', 'src', 'operations');

export interface WebDocument {
  /** File name under web/src/operations. */
  location: string;
  document: DocumentNode;
}

export function readWebDocuments(dir = WEB_OPERATIONS_DIR): WebDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((location) => ({ location, document: parse(readFileSync(path.join(dir, location), 'utf8')) }));
}

/** The graph clients see: the supergraph's API schema. */
export const apiSchemaOf = (supergraph: string): GraphQLSchema => Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();

/**
 * What in the front end's operations the graph would refuse — a field a
 * subgraph removed or renamed, an argument whose type changed — one line each,
 * naming the file. `pnpm codegen` refuses to write types while any is left.
 */
export function webOperationProblems(supergraph: string, documents = readWebDocuments()): string[] {
  const schema = apiSchemaOf(supergraph);
  return documents.flatMap(({ location, document }) => validate(schema, document).map((error) => `web/src/operations/${location}: ${error.message}`));
}
