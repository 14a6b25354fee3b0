import type { Caller } from '@povgraph/auth';
import { badUserInput } from '@povgraph/errors';
import type { GraphClient } from '@povgraph/graph-client';

interface RegistryUnit {
  code: string;
  name: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  history: Array<{ validFrom: string; validTo: string | null }>;
  successors: Array<{ to: { code: string } }>;
}

const OWNER = 'the household registry';
/** Aliased `adminUnit` lookups per request to the registry. */
const ALIASES_PER_REQUEST = 500;

/**
 * Which communes exist, asked of the household registry through the gateway at
 * write time (this service keeps no copy of the map). One request for any number
 * of codes; an unreachable registry is UPSTREAM_UNAVAILABLE (from the GraphClient).
 */
export class CommuneRegistry {
  constructor(private readonly graph: GraphClient) {}

  /**
   * Refuses (BAD_USER_INPUT, field `fieldOf(i)` of its list) the first code that the
   * registry does not know, that is not a commune, or that was not in force on its
   * list's day. Any number of lists, each checked on its own day, cost ONE question
   * to the registry (every distinct code once), so a batch of approvals is one request.
   * Lists are checked in order: the first bad entry of the first bad list is named.
   */
  async requireCommuneLists(caller: Caller, lists: ReadonlyArray<CommuneList>, requestId?: string): Promise<void> {
    const distinct = [...new Set(lists.flatMap((list) => list.codes))];
    let units: Map<string, RegistryUnit | null>;
    try {
      units = await this.units(caller, distinct, requestId);
    } catch (error) {
      // The registry answers an unknown code with a NOT_FOUND error, which fails the whole
      // request: ask which codes it knows (error path only), then ask again for those alone,
      // so the first bad entry is named rather than an outage reported.
      const known = await this.graph
        .request<{ adminUnits: Array<{ code: string }> }>(caller, OWNER, 'query KnownUnits { adminUnits { code } }', {}, requestId)
        .then((data) => new Set(data.adminUnits.map((unit) => unit.code)))
        .catch(() => null);
      if (!known || distinct.every((code) => known.has(code))) throw error;
      units = await this.units(caller, distinct.filter((code) => known.has(code)), requestId);
    }
    for (const { codes, on, fieldOf } of lists) codes.forEach((code, i) => checkCommune(units.get(code) ?? null, code, on, fieldOf(i)));
  }

  /** The units of `codes` (each must exist), ALIASES_PER_REQUEST aliased lookups per request. */
  private async units(caller: Caller, codes: readonly string[], requestId?: string): Promise<Map<string, RegistryUnit | null>> {
    const units = new Map<string, RegistryUnit | null>();
    for (let start = 0; start < codes.length; start += ALIASES_PER_REQUEST) {
      const chunk = codes.slice(start, start + ALIASES_PER_REQUEST);
      const variables = Object.fromEntries(chunk.map((code, i) => [`c${i}`, code]));
      const query = `query Communes(${chunk.map((_, i) => `$c${i}: AdminCode!`).join(', ')}) {
        ${chunk.map((_, i) => `c${i}: adminUnit(code: $c${i}) { code name level history { validFrom validTo } successors { to { code } } }`).join('\n        ')}
      }`;
      const answer = await this.graph.request<Record<string, RegistryUnit | null>>(caller, OWNER, query, variables, requestId);
      chunk.forEach((code, i) => units.set(code, answer[`c${i}`] ?? null));
    }
    return units;
  }
}

/** Codes of communes to check as they were on `on`; `fieldOf(i)` names entry i in errors. */
export interface CommuneList {
  codes: readonly string[];
  on: string;
  fieldOf: (i: number) => string;
}

function checkCommune(unit: RegistryUnit | null, code: string, on: string, field: string): void {
  if (!unit) throw badUserInput(field, `The household registry knows no administrative unit with code ${code}; check the commune code (5 digits).`);
  if (unit.level !== 'COMMUNE') {
    throw badUserInput(field, `${code} (${unit.name}) is a ${unit.level.toLowerCase()}, not a commune; list the communes the work serves.`);
  }
  if (!unit.history.some((version) => version.validFrom <= on && (version.validTo === null || version.validTo >= on))) {
    const first = unit.history[0]?.validFrom;
    const last = unit.history.at(-1)?.validTo;
    const period = last ? `from ${first} to ${last}` : `from ${first}`;
    const hint = unit.successors.length ? ` Use its successor: ${unit.successors.map((s) => s.to.code).join(' or ')}.` : '';
    throw badUserInput(field, `Commune ${code} (${unit.name}) existed ${period}, not on the approval date ${on}.${hint}`);
  }
}
