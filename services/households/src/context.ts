import type { DataSource } from 'typeorm';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from './services';

/** Built once per request; resolvers read it and never change it. */
export interface Context extends BaseContext {
  loaders: Loaders;
  services: Services;
}

export function contextFactory(dataSource: DataSource, services: Services) {
  return (base: BaseContext): Context => ({ ...base, loaders: createLoaders(dataSource, services, base.caller, base.requestId), services });
}
