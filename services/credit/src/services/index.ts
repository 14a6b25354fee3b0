import type { DataSource } from 'typeorm';
import { AreaGuard, type GraphClient } from '@povgraph/graph-client';
import { CreditReportService } from './CreditReportService';
import { HouseholdRegistry } from './HouseholdRegistry';
import { LoanService } from './LoanService';
import { ProgrammeRuleService } from './ProgrammeRuleService';
import { RepaymentService } from './RepaymentService';

/**
 * The service layer: created once per process, stateless, shared by every request.
 * `graph` reaches the other agencies (the household registry) through the gateway.
 */
export function createServices(dataSource: DataSource, graph: GraphClient) {
  const areas = new AreaGuard(graph);
  const rules = new ProgrammeRuleService(dataSource);
  return {
    rules,
    loans: new LoanService(dataSource, rules, new HouseholdRegistry(graph), areas),
    repayments: new RepaymentService(dataSource, areas),
    reports: new CreditReportService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
