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

/**
 * Which communes exist, asked of the household registry through the gateway at
 * write time (this service keeps no copy of the map). One request for any number
 * of codes; an unreachable registry is UPSTREAM_UNAVAILABLE (from the GraphClient).
 */
export class CommuneRegistry {
  constructor(private readonly graph: GraphClient) {}

  /**
   * Refuses (BAD_USER_INPUT, field `fieldOf(i)`) the first code that the registry
   * does not know, that is not a commune, or that was not in force on `on`.
   */
  async requireCommunes(caller: Caller, codes: readonly string[], on: string, fieldOf: (i: number) => string, requestId?: string): Promise<void> {
    if (codes.length === 0) return;
    const variables = Object.fromEntries(codes.map((code, i) => [`c${i}`, code]));
    const query = `query Communes(${codes.map((_, i) => `$c${i}: AdminCode!`).join(', ')}) {
      ${codes.map((_, i) => `c${i}: adminUnit(code: $c${i}) { code name level history { validFrom validTo } successors { to { code } } }`).join('\n      ')}
    }`;
    const units = await this.graph.request<Record<string, RegistryUnit | null>>(caller, OWNER, query, variables, requestId);
    codes.forEach((code, i) => {
      const field = fieldOf(i);
      const unit = units[`c${i}`];
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
    });
  }
}
