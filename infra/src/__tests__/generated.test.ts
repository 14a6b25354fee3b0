import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph, subgraphSources } from '../compose';
import { SUPERGRAPH_PATH } from '../services';

describe('committed generated files', () => {
  it('gateway/supergraph.graphql is the composition of the subgraph schemas (run `pnpm compose`)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph());
  });

  it('fails, naming the clash, when two subgraphs disagree', () => {
    const clashing = {
      name: 'clash',
      url: 'http://127.0.0.1:1/graphql',
      sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Household @key(fields: "id") { id: ID! members: String }
        type Query { clash: Int }`,
    };
    expect(() => composeSupergraph([...subgraphSources(), clashing])).toThrow(/Composition failed:[\s\S]*members/);
  });

  it('every service’s resolver types match its schema (run `pnpm codegen`)', () => {
    // The codegen plugins are ESM-only on this Node, which jest cannot load: run the built CLI.
    const cli = path.join(__dirname, '..', '..', 'dist', 'codegen.js');
    expect(existsSync(cli)).toBe(true);
    expect(() => execFileSync(process.execPath, [cli, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
