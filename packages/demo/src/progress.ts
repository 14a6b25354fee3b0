import { progressBar } from '@povgraph/subgraph-kit';

/** How a seed reports its steps: a bar per step on the command line, nothing in tests. */
export interface SeedProgress {
  start(label: string, total: number): { tick(count: number): void; finish(): void };
}

export const silentProgress: SeedProgress = { start: () => ({ tick: () => undefined, finish: () => undefined }) };

export function commandLineProgress(service: string): SeedProgress {
  return { start: (label, total) => progressBar(`${service}: ${label}`.padEnd(30), total) };
}
