import { forbidden } from '@povgraph/errors';
import { Role, type Caller } from '@povgraph/auth';
import type { GraphClient } from './GraphClient';

const TTL_MS = 5 * 60_000;

/**
 * "Writes only for units inside the caller's area", for agencies that do not own
 * the map: the communes of an area come from the household registry's
 * `AdminUnit.communeCodes` through the graph, cached a few minutes per area
 * (units change by decree, not by the minute).
 */
export class AreaGuard {
  private readonly cache = new Map<string, { communes: Promise<Set<string>>; until: number }>();

  constructor(private readonly graph: GraphClient) {}

  private communesOf(caller: Caller, area: string, requestId?: string): Promise<Set<string>> {
    const cached = this.cache.get(area);
    if (cached && cached.until > Date.now()) return cached.communes;
    const communes = this.graph
      .request<{ adminUnit: { communeCodes: string[] } | null }>(caller, 'the household registry', 'query AreaCommunes($code: AdminCode!) { adminUnit(code: $code) { communeCodes } }', { code: area }, requestId)
      .then((data) => new Set(data.adminUnit?.communeCodes ?? []));
    this.cache.set(area, { communes, until: Date.now() + TTL_MS });
    communes.catch(() => this.cache.delete(area));
    return communes;
  }

  /**
   * Refuses (FORBIDDEN) unless every commune lies in the caller's area. ADMIN and
   * callers with no area (nationwide) pass without a lookup.
   */
  async assertServes(caller: Caller, communeCodes: readonly string[], what: string, requestId?: string): Promise<void> {
    if (caller.role === Role.ADMIN || caller.area === null) return;
    const communes = await this.communesOf(caller, caller.area, requestId);
    const outside = communeCodes.filter((code) => !communes.has(code));
    if (outside.length) throw forbidden(`You serve area ${caller.area}; ${what} in commune ${outside.join(', ')} belongs to another area's office.`);
  }
}
