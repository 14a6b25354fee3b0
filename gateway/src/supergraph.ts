import { readFileSync } from 'node:fs';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Reads the composed supergraph and the subgraph URLs it names (join__Graph). */
export function readSupergraph(supergraphPath: string, overrides: Record<string, string>): { sdl: string; subgraphs: SubgraphEndpoint[] } {
  const sdl = readFileSync(supergraphPath, 'utf8');
  const subgraphs = [...sdl.matchAll(/@join__graph\(name:\s*"([^"]+)",\s*url:\s*"([^"]*)"\)/g)].map(([, name, url]) => ({
    name: name!,
    url: overrides[name!] ?? url!,
  }));
  return { sdl, subgraphs };
}
