import type { DataSource } from 'typeorm';
import { AreaGuard, type GraphClient } from '@povgraph/graph-client';
import { CreditLedger } from './CreditLedger';
import { HouseholdRegistry } from './HouseholdRegistry';
import { HousingReportService } from './HousingReportService';
import { HousingSupportService } from './HousingSupportService';
import { SupportRuleService } from './SupportRuleService';

/**
 * The service layer: created once per process, stateless but for the area
 * guard's few-minute cache, shared by every request. `graph` reaches the other
 * agencies through the gateway.
 */
export function createServices(dataSource: DataSource, graph: GraphClient) {
  const rules = new SupportRuleService(dataSource);
  return {
    rules,
    supports: new HousingSupportService(dataSource, rules, new HouseholdRegistry(graph), new CreditLedger(graph), new AreaGuard(graph)),
    reports: new HousingReportService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
