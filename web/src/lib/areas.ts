import { foldText, matchesName } from './text';

import type { AdminLevel, PickerUnitsQuery } from '../generated/operations';

/**
 * An administrative unit as the picker needs it (AdminUnit of the registry);
 * `validTo` is the last day it existed, null while it still does.
 */
export type Unit = PickerUnitsQuery['adminUnits'][number];

/** The units, indexed for the picker: children by parent, sorted current first, then by name. */
export class UnitIndex {
  private readonly byCode = new Map<string, Unit>();
  private readonly childrenOf = new Map<string | null, Unit[]>();

  constructor(units: readonly Unit[]) {
    for (const unit of units) this.byCode.set(unit.code, unit);
    for (const unit of units) {
      const parent = unit.parentCode && this.byCode.has(unit.parentCode) ? unit.parentCode : null;
      if (parent === null && unit.level !== 'PROVINCE') continue;
      const siblings = this.childrenOf.get(parent) ?? [];
      siblings.push(unit);
      this.childrenOf.set(parent, siblings);
    }
    for (const siblings of this.childrenOf.values()) siblings.sort(compareUnits);
  }

  get(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  provinces(): Unit[] {
    return this.childrenOf.get(null) ?? [];
  }

  children(code: string): Unit[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** The unit and those above it, province first. */
  path(code: string): Unit[] {
    const path: Unit[] = [];
    for (let unit = this.byCode.get(code); unit && path.length < 5; unit = unit.parentCode ? this.byCode.get(unit.parentCode) : undefined) path.unshift(unit);
    return path;
  }

  /** Units whose name (or code) matches, diacritics aside: provinces, then districts, then communes; at most `limit`. */
  search(query: string, limit = 20): Unit[] {
    const folded = foldText(query);
    if (!folded) return [];
    const rank: Record<AdminLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };
    return [...this.byCode.values()]
      .filter((unit) => unit.code === folded || matchesName(unit.name, folded))
      .sort((a, b) => rank[a.level] - rank[b.level] || compareUnits(a, b))
      .slice(0, limit);
  }
}

/** Current units first, then abolished ones; by Vietnamese name within each. */
function compareUnits(a: Unit, b: Unit): number {
  return Number(a.validTo !== null) - Number(b.validTo !== null) || a.name.localeCompare(b.name, 'vi');
}
