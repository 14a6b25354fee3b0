import type { Caller } from '@povgraph/auth';
import { badUserInput, notFound } from '@povgraph/errors';
import { AreaGuard, type GraphClient } from '@povgraph/graph-client';
import { isUuid } from '../validation';

const OWNER = 'the household registry';

/** What this service needs to know of a household, read at write time. */
export interface RegistryHousehold {
  id: string;
  communeCode: string;
  registeredOn: string;
}

interface RegistryUnit {
  code: string;
  name: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  history: Array<{ validFrom: string; validTo: string | null }>;
  successors: Array<{ to: { code: string } }>;
}

const HOUSEHOLD_QUERY = /* GraphQL */ `query TrainingHousehold($id: ID!) { household(id: $id) { id communeCode registeredOn } }`;

const UNIT_QUERY = /* GraphQL */ `query TrainingCommune($code: AdminCode!) {
  adminUnit(code: $code) { code name level history { validFrom validTo } successors { to { code } } } }`;

/**
 * The household registry as this service sees it: through the gateway, as the
 * caller being served. Any failure to get an answer is UPSTREAM_UNAVAILABLE (from
 * the GraphClient), and the write that needed it is refused whole.
 */
export class Registry {
  private readonly areas: AreaGuard;

  constructor(private readonly graph: GraphClient) {
    this.areas = new AreaGuard(graph);
  }

  /** The household, or NOT_FOUND naming `field`. */
  async household(caller: Caller, id: string, field: string, requestId?: string): Promise<RegistryHousehold> {
    const unknown = () => notFound(`The household registry has no household with id ${id}; check the id, or ask the labour office to register the household first.`, { field });
    if (!isUuid(id)) throw unknown();
    const data = await this.graph.request<{ household: RegistryHousehold | null }>(caller, OWNER, HOUSEHOLD_QUERY, { id }, requestId);
    if (!data.household) throw unknown();
    return data.household;
  }

  /** Refuses (BAD_USER_INPUT on `field`) unless `code` is a commune that existed on `on`. */
  async requireCommuneOn(caller: Caller, code: string, on: string, field: string, requestId?: string): Promise<void> {
    const { adminUnit: unit } = await this.graph.request<{ adminUnit: RegistryUnit | null }>(caller, OWNER, UNIT_QUERY, { code }, requestId);
    if (!unit) throw badUserInput(field, `No administrative unit has code ${code}; check the commune code (5 digits).`);
    if (unit.level !== 'COMMUNE') throw badUserInput(field, `${code} (${unit.name}) is a ${unit.level.toLowerCase()}, not a commune; give one of its communes.`);
    if (!unit.history.some((version) => version.validFrom <= on && (version.validTo === null || version.validTo >= on))) {
      const first = unit.history[0]!.validFrom;
      const last = unit.history.at(-1)!.validTo;
      const period = last ? `from ${first} to ${last}` : `from ${first}`;
      const hint = unit.successors.length ? ` Use its successor: ${unit.successors.map((s) => s.to.code).join(' or ')}.` : '';
      throw badUserInput(field, `Commune ${code} (${unit.name}) existed ${period}, not on ${on}.${hint}`);
    }
  }

  /** FORBIDDEN unless every commune lies in the caller's area (ADMIN and nationwide callers pass). */
  assertServes(caller: Caller, communeCodes: readonly string[], what: string, requestId?: string): Promise<void> {
    return this.areas.assertServes(caller, communeCodes, what, requestId);
  }
}
