import { runCli } from './cli';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { localUrlOf, ROOT, schemaPathOf, SUBGRAPHS, SUPERGRAPH_PATH } from './services';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/** Every subgraph's SDL file with its default local URL. */
export const subgraphSources = (): SubgraphSource[] =>
  SUBGRAPHS.filter((subgraph) => existsSync(schemaPathOf(subgraph))).map((subgraph) => ({ name: subgraph.name, url: localUrlOf(subgraph), sdl: readFileSync(schemaPathOf(subgraph), 'utf8') }));

/** Composes the subgraphs into the supergraph text; throws listing every composition error. */
export function composeSupergraph(sources: SubgraphSource[] = subgraphSources()): string {
  const result = composeServices(sources.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

/** `pnpm compose` writes gateway/supergraph.graphql; `--check` fails when it is stale; `--only a,b` only tries composing those. */
export function main(): void {
  const check = process.argv.includes('--check');
  const onlyArg = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (onlyArg) {
    // A dry run over some subgraphs, e.g. while a new one is being written.
    const names = onlyArg.split(',');
    composeSupergraph(subgraphSources().filter((source) => names.includes(source.name)));
    console.log(`${names.join(' + ')} compose.`);
    return;
  }
  const supergraph = composeSupergraph();
  const relative = path.relative(ROOT, SUPERGRAPH_PATH);
  const current = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (check) {
    if (current !== supergraph) {
      console.error(`${relative} is stale: run \`pnpm compose\` and commit it.`);
      process.exit(1);
    }
    console.log(`${relative} is up to date.`);
    return;
  }
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(current === supergraph ? `${relative} unchanged.` : `wrote ${relative}`);
}

if (require.main === module) runCli(main);
