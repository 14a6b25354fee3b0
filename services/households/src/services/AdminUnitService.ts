import type { DataSource } from 'typeorm';
import { forbidden } from '@povgraph/errors';
import { Role, type Caller } from '@povgraph/auth';
import { AdminLevel, AdminUnit, AdminUnitSuccession } from '../entities';
import { AREA_TREE_CTE, IN_POOR_DISTRICT_SQL } from './areaTree';

/** Administrative units: versions, the crosswalk and the area hierarchy. */
export class AdminUnitService {
  constructor(private readonly dataSource: DataSource) {}

  /** The latest version of each code (batch; one statement). */
  async latestVersions(codes: readonly string[]): Promise<AdminUnit[]> {
    return this.dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder('u')
      .distinctOn(['u.code'])
      .where('u.code = ANY(:codes)', { codes })
      .orderBy('u.code')
      .addOrderBy('u.valid_from', 'DESC')
      .getMany();
  }

  /** Every version of each code, oldest first (batch). */
  async versions(codes: readonly string[]): Promise<AdminUnit[]> {
    return this.dataSource.getRepository(AdminUnit).createQueryBuilder('u').where('u.code = ANY(:codes)', { codes }).orderBy('u.valid_from').getMany();
  }

  /** Codes of units that were ever directly under each parent (batch). */
  async childLinks(parentCodes: readonly string[]): Promise<Array<{ parentCode: string; code: string; validFrom: string; validTo: string | null }>> {
    return this.dataSource.query(
      `SELECT DISTINCT parent_code AS "parentCode", code, valid_from::text AS "validFrom", valid_to::text AS "validTo"
       FROM admin_units WHERE parent_code = ANY($1) ORDER BY code`,
      [parentCodes],
    );
  }

  /** Commune codes at or under each root, at any time (batch; one statement). */
  async communeCodesUnder(roots: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ root: string; code: string }> = await this.dataSource.query(
      `${AREA_TREE_CTE} SELECT root, code FROM communes ORDER BY root, code`,
      [roots],
    );
    const byRoot = new Map<string, string[]>(roots.map((root) => [root, []]));
    for (const row of rows) byRoot.get(row.root)?.push(row.code);
    return byRoot;
  }

  /** Whether each unit is, or lies in, a poor district at any time (batch; one statement). */
  async inPoorDistrict(codes: readonly string[]): Promise<Map<string, boolean>> {
    const rows: Array<{ root: string; poor: boolean }> = await this.dataSource.query(IN_POOR_DISTRICT_SQL, [codes]);
    return new Map(rows.map((row) => [row.root, row.poor]));
  }

  async successions(codes: readonly string[], direction: 'from' | 'to'): Promise<AdminUnitSuccession[]> {
    const column = direction === 'from' ? 'from_code' : 'to_code';
    return this.dataSource.getRepository(AdminUnitSuccession).createQueryBuilder('s').where(`s.${column} = ANY(:codes)`, { codes }).orderBy('s.effective_on').getMany();
  }

  /** Latest versions filtered by level, parent and / or a day they existed on. */
  async list(filter: { level?: AdminLevel | null; parentCode?: string | null; on?: string | null; codes?: readonly string[] | null }): Promise<AdminUnit[]> {
    const query = this.dataSource.getRepository(AdminUnit).createQueryBuilder('u').distinctOn(['u.code']).orderBy('u.code').addOrderBy('u.valid_from', 'DESC');
    if (filter.level) query.andWhere('u.level = :level', { level: filter.level });
    if (filter.parentCode) query.andWhere('u.parent_code = :parentCode', { parentCode: filter.parentCode });
    if (filter.on) query.andWhere('u.valid_from <= :on AND (u.valid_to IS NULL OR u.valid_to >= :on)', { on: filter.on });
    if (filter.codes) query.andWhere('u.code = ANY(:codes)', { codes: [...filter.codes] });
    return query.getMany();
  }

  /** The version of `code` in force on `day`, if any. */
  async versionOn(code: string, day: string): Promise<AdminUnit | null> {
    return this.dataSource
      .getRepository(AdminUnit)
      .createQueryBuilder('u')
      .where('u.code = :code AND u.valid_from <= :day AND (u.valid_to IS NULL OR u.valid_to >= :day)', { code, day })
      .getOne();
  }

  /** Whether `code` is `area` or lies under it at any time. */
  async isWithinArea(area: string, code: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`${AREA_TREE_CTE} SELECT 1 FROM tree WHERE code = $2 LIMIT 1`, [[area], code]);
    return rows.length > 0;
  }

  /**
   * Refuses a write about unit `code` by a caller whose area does not contain it.
   * A caller with no area (nationwide) or ADMIN may write anywhere.
   */
  async assertCallerServes(caller: Caller, code: string, what: string): Promise<void> {
    if (caller.role === Role.ADMIN || caller.area === null) return;
    if (!(await this.isWithinArea(caller.area, code))) {
      throw forbidden(`You serve area ${caller.area}; ${what} in unit ${code} belongs to another area's office.`);
    }
  }

}
