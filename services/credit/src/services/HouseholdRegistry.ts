import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
import type { PovertyStatus } from '../entities';

/** What a loan decision needs from the registry on the disbursement date. */
export interface RegistryHousehold {
  id: string;
  code: string;
  communeCode: string;
  registeredOn: string;
  /** Status of the latest review on or before the date; null when there was none. */
  statusOn: PovertyStatus | null;
}

/** One household asked for on one day (its disbursement date). */
export interface HouseholdOnDay {
  id: string;
  on: string;
}

/** The registry answers at most this many ids per `households(ids:)` field. */
const IDS_PER_FIELD = 1000;

/** The fields of one group: `statusOn` takes the group's day. */
const groupFields = (n: number) => `id code communeCode registeredOn statusOn(date: $on${n})`;

/** `id|on`: how answers are keyed. */
export const householdDayKey = (id: string, on: string) => `${id}|${on}`;

/**
 * The household registry, read through the graph as the caller at write time:
 * nothing of it is copied here except the commune code a loan is booked in.
 * Unreachable → UPSTREAM_UNAVAILABLE (GraphClient), and the write stops.
 */
export class HouseholdRegistry {
  constructor(private readonly graph: GraphClient) {}

  /**
   * Many households, each on its own day, in ONE request: the asks are grouped by
   * day, and each group (≤ 1,000 ids) is one aliased `households(ids:)` field whose
   * `statusOn` takes that day. Keyed by `householdDayKey`; null where the registry
   * has no such household.
   */
  async householdsOn(caller: Caller, asks: readonly HouseholdOnDay[], requestId?: string): Promise<Map<string, RegistryHousehold | null>> {
    const byDay = new Map<string, Set<string>>();
    for (const { id, on } of asks) byDay.set(on, (byDay.get(on) ?? new Set()).add(id));
    const groups: Array<{ on: string; ids: string[] }> = [];
    for (const [on, ids] of byDay) {
      const all = [...ids];
      for (let start = 0; start < all.length; start += IDS_PER_FIELD) groups.push({ on, ids: all.slice(start, start + IDS_PER_FIELD) });
    }
    const answers = new Map<string, RegistryHousehold | null>();
    if (!groups.length) return answers;
    const declarations = groups.map((_, n) => `$ids${n}: [ID!]!, $on${n}: Date!`).join(', ');
    const selections = groups.map((_, n) => `h${n}: households(ids: $ids${n}) { ${groupFields(n)} }`).join('\n');
    const variables: Record<string, unknown> = {};
    groups.forEach((group, n) => {
      variables[`ids${n}`] = group.ids;
      variables[`on${n}`] = group.on;
    });
    const data = await this.graph.request<Record<string, Array<RegistryHousehold | null>>>(
      caller,
      'the household registry',
      `query CreditHouseholdsOn(${declarations}) {\n${selections}\n}`,
      variables,
      requestId,
    );
    groups.forEach((group, n) => {
      const found = data[`h${n}`] ?? [];
      group.ids.forEach((id, i) => answers.set(householdDayKey(id, group.on), found[i] ?? null));
    });
    return answers;
  }
}
