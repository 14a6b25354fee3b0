import { runCli } from './cli';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { findBreakingChanges, parse } from 'graphql';
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

/**
 * What existing clients would lose going from one supergraph to the next: the
 * breaking changes between the two client-facing (API) schemas.
 */
export function breakingChanges(previousSupergraph: string, nextSupergraph: string): string[] {
  const api = (supergraph: string) => Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
  return findBreakingChanges(api(previousSupergraph), api(nextSupergraph)).map((change) => `${change.type}: ${change.description}`);
}

/**
 * `pnpm compose` writes gateway/supergraph.graphql, refusing changes that would break
 * existing clients unless `--allow-breaking`; `--check` fails when it is stale;
 * `--only a,b` only tries composing those.
 */
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
  const breaking = current ? breakingChanges(current, supergraph) : [];
  if (breaking.length && !process.argv.includes('--allow-breaking')) {
    console.error(`Existing clients would break:\n${breaking.map((line) => `  - ${line}`).join('\n')}`);
    console.error('Keep the old fields (deprecate them first), or, if the front end and saved queries are updated too, run `pnpm compose --allow-breaking`.');
    process.exit(1);
  }
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(current === supergraph ? `${relative} unchanged.` : `wrote ${relative}`);
}

if (require.main === module) runCli(main);
