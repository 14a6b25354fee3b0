import type { DataSource } from 'typeorm';
import type { GraphClient } from '@povgraph/graph-client';
import { AdminUnitService } from './AdminUnitService';
import { AssessmentService } from './AssessmentService';
import { CoverageService } from './CoverageService';
import { HouseholdQueryService } from './HouseholdQueryService';
import { HouseholdService } from './HouseholdService';
import { PovertyReportService } from './PovertyReportService';
import { StandardService } from './StandardService';
import { TargetResultService } from './TargetResultService';
import { TargetService } from './TargetService';

/**
 * The service layer: created once per process, stateless, shared by every request.
 * `graph` reaches the other agencies through the gateway (coverage, targets' jobs).
 */
export function createServices(dataSource: DataSource, graph: GraphClient) {
  const adminUnits = new AdminUnitService(dataSource);
  const povertyReports = new PovertyReportService(dataSource);
  return {
    adminUnits,
    households: new HouseholdService(dataSource, adminUnits),
    householdQueries: new HouseholdQueryService(dataSource),
    assessments: new AssessmentService(dataSource, adminUnits),
    standards: new StandardService(dataSource),
    targets: new TargetService(dataSource, adminUnits),
    povertyReports,
    coverage: new CoverageService(dataSource, graph),
    targetResults: new TargetResultService(dataSource, povertyReports, graph),
  };
}

export type Services = ReturnType<typeof createServices>;
