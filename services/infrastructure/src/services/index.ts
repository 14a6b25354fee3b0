import type { DataSource } from 'typeorm';
import { AreaGuard, type GraphClient } from '@povgraph/graph-client';
import { CommuneRegistry } from './CommuneRegistry';
import { InfrastructureReportService } from './InfrastructureReportService';
import { ProjectQueryService } from './ProjectQueryService';
import { ProjectService } from './ProjectService';

/**
 * The service layer: created once per process, stateless, shared by every request.
 * `graph` reaches the household registry through the gateway.
 */
export function createServices(dataSource: DataSource, graph: GraphClient) {
  return {
    projects: new ProjectService(dataSource, new CommuneRegistry(graph), new AreaGuard(graph)),
    projectQueries: new ProjectQueryService(dataSource),
    reports: new InfrastructureReportService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
