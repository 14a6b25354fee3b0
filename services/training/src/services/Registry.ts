import type { Caller } from '@povgraph/auth';
import { badUserInput, notFound } from '@povgraph/errors';
import { AreaGuard, communeProblemOn, periodOf, UnitDirectory, type GraphClient } from '@povgraph/graph-client';
import { isUuid } from '../validation';

const OWNER = 'the household registry';

/** The registry answers `households(ids:)` for at most this many ids at a time. */
export const HOUSEHOLDS_PER_REQUEST = 1000;

/** What this service needs to know of a household, read at write time. */
export interface RegistryHousehold {
  id: string;
  communeCode: string;
  registeredOn: string;
}

/** A commune an item of a write names, the day it must exist on, and the input field to blame. */
export interface CommuneCheck {
  code: string;
  on: string;
  field: string;
}

/** A household an item of a write names, and the input field to blame when the registry has none. */
export interface HouseholdCheck {
  id: string;
  field: string;
}

const HOUSEHOLDS_QUERY = /* GraphQL */ `query TrainingHouseholds($ids: [ID!]!) { households(ids: $ids) { id communeCode registeredOn } }`;

/**
 * The household registry as this service sees it: through the gateway, as the
 * caller being served. Any failure to get an answer is UPSTREAM_UNAVAILABLE (from
 * the GraphClient), and the write that needed it is refused whole. A batch of
 * writes costs one request for its households (per 1,000) and one for its communes.
 */
export class Registry {
  private readonly areas: AreaGuard;
  private readonly units: UnitDirectory;

  constructor(private readonly graph: GraphClient) {
    this.areas = new AreaGuard(graph);
    this.units = new UnitDirectory(graph);
  }

  /** The households, by id; NOT_FOUND naming the field of the first one the registry does not have. */
  async households(caller: Caller, checks: readonly HouseholdCheck[], requestId?: string): Promise<Map<string, RegistryHousehold>> {
    const unknown = ({ id, field }: HouseholdCheck) =>
      notFound(`The household registry has no household with id ${id}; check the id, or ask the labour office to register the household first.`, { field });
    const malformed = checks.find((check) => !isUuid(check.id));
    if (malformed) throw unknown(malformed);
    const ids = [...new Set(checks.map((check) => check.id))];
    const found = new Map<string, RegistryHousehold>();
    const requests: Array<Promise<{ households: Array<RegistryHousehold | null> }>> = [];
    for (let start = 0; start < ids.length; start += HOUSEHOLDS_PER_REQUEST) {
      requests.push(this.graph.request(caller, OWNER, HOUSEHOLDS_QUERY, { ids: ids.slice(start, start + HOUSEHOLDS_PER_REQUEST) }, requestId));
    }
    for (const data of await Promise.all(requests)) {
      for (const household of data.households) if (household) found.set(household.id, household);
    }
    const missing = checks.find((check) => !found.has(check.id));
    if (missing) throw unknown(missing);
    return found;
  }

  /**
   * Refuses (BAD_USER_INPUT on the item's field) unless each code is a commune
   * that existed on its day; one request for every distinct code.
   */
  async requireCommunesOn(caller: Caller, checks: readonly CommuneCheck[], requestId?: string): Promise<void> {
    if (!checks.length) return;
    const units = await this.units.units(caller, checks.map((check) => check.code), requestId);
    for (const { code, on, field } of checks) {
      const unit = units.get(code);
      switch (communeProblemOn(unit, on)) {
        case 'UNKNOWN':
          throw badUserInput(field, `No administrative unit has code ${code}; check the commune code (5 digits).`);
        case 'NOT_A_COMMUNE':
          throw badUserInput(field, `${code} (${unit!.name}) is a ${unit!.level.toLowerCase()}, not a commune; give one of its communes.`);
        case 'NOT_IN_FORCE': {
          const { period, successorHint } = periodOf(unit!);
          throw badUserInput(field, `Commune ${code} (${unit!.name}) existed ${period}, not on ${on}.${successorHint}`);
        }
      }
    }
  }

  /** FORBIDDEN unless every commune lies in the caller's area (ADMIN and nationwide callers pass). */
  assertServes(caller: Caller, communeCodes: readonly string[], what: string, requestId?: string): Promise<void> {
    return this.areas.assertServes(caller, [...new Set(communeCodes)], what, requestId);
  }
}
