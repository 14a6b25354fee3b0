import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { householdInput, insertUnits, recipe as households, RECORD, REGISTER, UNITS } from '../../../services/households/test/fixtures';
import { recipe } from '../../../services/credit/test/fixtures';
import { startTestStack, type TestStack } from '../stack';

export type RegistryStatus = 'POOR' | 'NEAR_POOR' | 'NEWLY_ESCAPED' | 'AVERAGE_LIVING' | 'NOT_POOR' | 'UNREVIEWED';

const THREE_LACKING = ['EMPLOYMENT', 'NUTRITION', 'SANITATION'];

/** Reviews (2022–2025 standard, rural, agricultural) that give each status from the 2023 review on. */
const REVIEWS: Record<RegistryStatus, Array<{ year: number; income: number; lacking: string[] }>> = {
  POOR: [{ year: 2023, income: 1_000_000, lacking: THREE_LACKING }],
  NEAR_POOR: [{ year: 2023, income: 1_000_000, lacking: [] }],
  NEWLY_ESCAPED: [
    { year: 2022, income: 1_000_000, lacking: THREE_LACKING },
    { year: 2023, income: 3_000_000, lacking: [] },
  ],
  AVERAGE_LIVING: [{ year: 2023, income: 2_000_000, lacking: [] }],
  NOT_POOR: [{ year: 2023, income: 5_000_000, lacking: [] }],
  UNREVIEWED: [],
};

/** The real household registry behind the real gateway, and credit reading it. */
export interface CreditWithRegistry {
  stack: TestStack;
  credit: TestSubgraph;
  /**
   * Registers a household (registered 2021-03-15 in commune A unless overridden) and
   * records the reviews that make its status on 2024-03-01 `status`, as a labour office
   * would, through the gateway. Returns its id.
   */
  household(status: RegistryStatus, overrides?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

let serial = 0;

/**
 * Households (with units inserted) behind the gateway and the committed supergraph,
 * and a credit subgraph that reads it through that gateway. Tests talk to credit directly.
 */
export async function startCreditWithRegistry(): Promise<CreditWithRegistry> {
  const stack = await startTestStack({ households });
  await insertUnits(stack.subgraphs['households']!.dataSource);
  const credit = await startTestSubgraph(recipe, stack.gateway.url);
  const clerk = testCallers.labourOffice(UNITS.province);
  return {
    stack,
    credit,
    async household(status, overrides = {}) {
      serial += 1;
      const registered = await stack.request(clerk, REGISTER, { input: householdInput({ code: `CR-${process.pid}-${serial}`, nationalId: null, ...overrides }) });
      if (registered.body.errors) throw new Error(JSON.stringify(registered.body.errors));
      const id: string = registered.body.data.registerHousehold.id;
      for (const review of REVIEWS[status]) {
        const recorded = await stack.request(clerk, RECORD, {
          input: { householdId: id, year: review.year, assessedOn: `${review.year}-11-15`, incomePerPersonMonthly: review.income, lackingIndicators: review.lacking },
        });
        if (recorded.body.errors) throw new Error(JSON.stringify(recorded.body.errors));
      }
      return id;
    },
    async stop() {
      await credit.stop();
      await stack.stop();
    },
  };
}

