import type { Caller } from '@povgraph/auth';
import type { GraphClient } from './GraphClient';

/** An administrative unit as an agency checks it before a write: its versions and successors. */
export interface RegistryUnit {
  code: string;
  name: string;
  level: 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
  history: Array<{ validFrom: string; validTo: string | null }>;
  successors: Array<{ to: { code: string } }>;
}

/** Why a code cannot name a commune on a day, or null when it can. */
export type CommuneProblem = 'UNKNOWN' | 'NOT_A_COMMUNE' | 'NOT_IN_FORCE' | null;

/** The registry's `adminUnits(codes:)` limit. */
const CODES_PER_REQUEST = 1000;

const UNITS = /* GraphQL */ `
  query RegistryUnits($codes: [AdminCode!]!) {
    adminUnits(codes: $codes) { code name level history { validFrom validTo } successors { to { code } } }
  }`;

/**
 * The household registry's map, as other agencies check it at write time:
 * many codes in one request (`adminUnits(codes:)`), an unknown code simply
 * absent from the answer, nothing copied.
 */
export class UnitDirectory {
  constructor(private readonly graph: GraphClient) {}

  async units(caller: Caller, codes: readonly string[], requestId?: string): Promise<Map<string, RegistryUnit>> {
    const distinct = [...new Set(codes)];
    const found = new Map<string, RegistryUnit>();
    for (let start = 0; start < distinct.length; start += CODES_PER_REQUEST) {
      const data = await this.graph.request<{ adminUnits: RegistryUnit[] }>(caller, 'the household registry', UNITS, { codes: distinct.slice(start, start + CODES_PER_REQUEST) }, requestId);
      for (const unit of data.adminUnits) found.set(unit.code, unit);
    }
    return found;
  }
}

/** Whether `unit` (undefined: unknown to the registry) is a commune in force on `on`. */
export function communeProblemOn(unit: RegistryUnit | undefined, on: string): CommuneProblem {
  if (!unit) return 'UNKNOWN';
  if (unit.level !== 'COMMUNE') return 'NOT_A_COMMUNE';
  return unit.history.some((version) => version.validFrom <= on && (version.validTo === null || version.validTo >= on)) ? null : 'NOT_IN_FORCE';
}

/** "from 2004-01-01 to 2025-06-30" (or "from 2025-07-01"), and the successors to use instead, for messages. */
export function periodOf(unit: RegistryUnit): { period: string; successorHint: string } {
  const first = unit.history[0]?.validFrom;
  const last = unit.history.at(-1)?.validTo;
  return {
    period: last ? `from ${first} to ${last}` : `from ${first}`,
    successorHint: unit.successors.length ? ` Use its successor: ${unit.successors.map((s) => s.to.code).join(' or ')}.` : '',
  };
}
