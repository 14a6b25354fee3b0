import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, composeSupergraph, subgraphSources } from '../compose';
import { SUPERGRAPH_PATH } from '../services';
import { webOperationProblems } from '../webDocuments';

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

  it('names the changes that would break existing clients, and accepts additions', () => {
    const sources = subgraphSources();
    const current = composeSupergraph(sources);
    const withoutField = sources.map((source) =>
      source.name === 'households' ? { ...source, sdl: source.sdl.replace(/^\s*"[^"\n]*"\n\s*nearPovertyRate: Float!\n/m, '\n') } : source,
    );
    expect(withoutField.find((s) => s.name === 'households')!.sdl).not.toContain('nearPovertyRate: Float!');
    expect(breakingChanges(current, composeSupergraph(withoutField))).toEqual(['FIELD_REMOVED: PovertyReport.nearPovertyRate was removed.']);
    const withAddition = sources.map((source) =>
      source.name === 'households' ? { ...source, sdl: source.sdl.replace('type Query {', 'type Query {\n  "A new field."\n  ping: String') } : source,
    );
    expect(breakingChanges(current, composeSupergraph(withAddition))).toEqual([]);
  });

  it('the front end’s operations fit the committed graph, and a subgraph change that would break the page is named', () => {
    expect(webOperationProblems(readFileSync(SUPERGRAPH_PATH, 'utf8'))).toEqual([]);
    const withoutTurnover = subgraphSources().map((source) =>
      source.name === 'credit' ? { ...source, sdl: source.sdl.replace(/^\s*"Principal disbursed in the year \(doanh số cho vay\)."\n\s*disbursementTurnover: VND!\n/gm, '\n') } : source,
    );
    expect(withoutTurnover.find((s) => s.name === 'credit')!.sdl).not.toContain('disbursementTurnover');
    const problems = webOperationProblems(composeSupergraph(withoutTurnover));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^web\/src\/operations\/report\.graphql: Cannot query field "disbursementTurnover" on type "CreditReport"/)]));
  });

  it('every service’s resolver types match its schema (run `pnpm codegen`)', () => {
    // The codegen plugins are ESM-only on this Node, which jest cannot load: run the built CLI.
    const cli = path.join(__dirname, '..', '..', 'dist', 'codegen.js');
    expect(existsSync(cli)).toBe(true);
    expect(() => execFileSync(process.execPath, [cli, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
