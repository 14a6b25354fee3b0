import type { Caller } from '@povgraph/auth';
import { badUserInput } from '@povgraph/errors';
import { communeProblemOn, periodOf, UnitDirectory, type GraphClient, type RegistryUnit } from '@povgraph/graph-client';

/**
 * Which communes exist, asked of the household registry through the gateway at
 * write time (this service keeps no copy of the map). One request for any number
 * of codes; an unreachable registry is UPSTREAM_UNAVAILABLE (from the GraphClient).
 */
export class CommuneRegistry {
  private readonly units: UnitDirectory;

  constructor(graph: GraphClient) {
    this.units = new UnitDirectory(graph);
  }

  /**
   * Refuses (BAD_USER_INPUT, field `fieldOf(i)` of its list) the first code that the
   * registry does not know, that is not a commune, or that was not in force on its
   * list's day. Any number of lists, each checked on its own day, cost ONE question
   * to the registry (every distinct code once), so a batch of approvals is one request.
   * Lists are checked in order: the first bad entry of the first bad list is named.
   */
  async requireCommuneLists(caller: Caller, lists: ReadonlyArray<CommuneList>, requestId?: string): Promise<void> {
    const units = await this.units.units(caller, lists.flatMap((list) => list.codes), requestId);
    for (const { codes, on, fieldOf } of lists) codes.forEach((code, i) => checkCommune(units.get(code), code, on, fieldOf(i)));
  }
}

/** Codes of communes to check as they were on `on`; `fieldOf(i)` names entry i in errors. */
export interface CommuneList {
  codes: readonly string[];
  on: string;
  fieldOf: (i: number) => string;
}

function checkCommune(unit: RegistryUnit | undefined, code: string, on: string, field: string): void {
  switch (communeProblemOn(unit, on)) {
    case 'UNKNOWN':
      throw badUserInput(field, `The household registry knows no administrative unit with code ${code}; check the commune code (5 digits).`);
    case 'NOT_A_COMMUNE':
      throw badUserInput(field, `${code} (${unit!.name}) is a ${unit!.level.toLowerCase()}, not a commune; list the communes the work serves.`);
    case 'NOT_IN_FORCE': {
      const { period, successorHint } = periodOf(unit!);
      throw badUserInput(field, `Commune ${code} (${unit!.name}) existed ${period}, not on the approval date ${on}.${successorHint}`);
    }
  }
}
