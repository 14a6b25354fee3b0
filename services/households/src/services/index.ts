import type { DataSource } from 'typeorm';
import { AdminUnitService } from './AdminUnitService';
import { AssessmentService } from './AssessmentService';
import { HouseholdQueryService } from './HouseholdQueryService';
import { HouseholdService } from './HouseholdService';
import { PovertyReportService } from './PovertyReportService';
import { StandardService } from './StandardService';
import { TargetService } from './TargetService';

/** The service layer: created once per process, stateless, shared by every request. */
export function createServices(dataSource: DataSource) {
  const adminUnits = new AdminUnitService(dataSource);
  return {
    adminUnits,
    households: new HouseholdService(dataSource, adminUnits),
    householdQueries: new HouseholdQueryService(dataSource),
    assessments: new AssessmentService(dataSource, adminUnits),
    standards: new StandardService(dataSource),
    targets: new TargetService(dataSource, adminUnits),
    povertyReports: new PovertyReportService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
