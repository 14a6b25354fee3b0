import path from 'node:path';

/** The workspace root (infra/dist/.. or infra/src/..). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** Every subgraph of the graph, with its default port and database. */
export interface SubgraphDefinition {
  /** Subgraph name in the supergraph (join__Graph). */
  name: string;
  /** Folder under services/. */
  dir: string;
  port: number;
  /** Database name on a shared server. */
  database: string;
  /** Environment variable holding this service's own database URL. */
  databaseUrlVariable: string;
}

const subgraph = (name: string, port: number): SubgraphDefinition => ({
  name,
  dir: path.join(ROOT, 'services', name),
  port,
  database: `povgraph_${name}`,
  databaseUrlVariable: `${name.toUpperCase()}_DATABASE_URL`,
});

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  subgraph('households', 4001),
  subgraph('credit', 4002),
  subgraph('housing', 4003),
  subgraph('training', 4004),
  subgraph('infrastructure', 4005),
];

export const GATEWAY_PORT = 4000;
export const EMBEDDED_POSTGRES_PORT = 5433;

export const schemaPathOf = (definition: SubgraphDefinition) => path.join(definition.dir, 'src', 'schema.graphql');
export const localUrlOf = (definition: SubgraphDefinition) => `http://127.0.0.1:${definition.port}/graphql`;
export const SUPERGRAPH_PATH = path.join(ROOT, 'gateway', 'supergraph.graphql');
