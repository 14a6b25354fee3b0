import type { DataSource, EntityManager } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit, type AuditGranularity } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { AdminLevel, Household, type AdminUnit, type AreaType } from '../entities';
import type { RegisterHouseholdInput } from '../generated/resolvers';
import { requireIntegerInRange, requireNotInFuture, requireText } from '../validation';
import type { AdminUnitService } from './AdminUnitService';

const REGISTRY_CODE = /^[A-Za-z0-9][A-Za-z0-9\-./]{0,39}$/;
const NATIONAL_ID = /^\d{12}$/;
const UNIQUE_VIOLATION = '23505';
const INSERT_CHUNK = 5000;

/** The household registry (sổ đăng ký hộ): registration with every rule checked first. */
export class HouseholdService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminUnits: AdminUnitService,
  ) {}

  async register(context: BaseContext, input: RegisterHouseholdInput): Promise<Household> {
    const [saved] = await this.registerMany(context, [input], () => 'input');
    return saved!;
  }

  /**
   * Registers many households in one transaction (a commune's register, or the demo
   * data). All are checked first; one bad entry refuses the batch, naming `fieldOf(i)`.
   */
  async registerMany(context: BaseContext, inputs: readonly RegisterHouseholdInput[], fieldOf = (i: number) => `inputs.${i}`, audit: AuditGranularity = 'each'): Promise<Household[]> {
    const caller = requireRole(context.caller, [Role.LABOUR_OFFICE], 'register households');
    const households = inputs.map((input, i) => this.check(input, fieldOf(i)));
    await this.requireCommunes(households, fieldOf);
    for (const communeCode of new Set(households.map((household) => household.communeCode))) {
      await this.adminUnits.assertCallerServes(caller, communeCode, 'registering a household');
    }
    await this.requireNewCodes(households, fieldOf);

    try {
      return await this.dataSource.transaction(async (manager) => {
        for (let start = 0; start < households.length; start += INSERT_CHUNK) {
          await insertHouseholds(manager, households.slice(start, start + INSERT_CHUNK));
        }
        await recordAudit(
          manager,
          audit === 'each'
            ? households.map((household) => ({ caller, requestId: context.requestId, action: 'registerHousehold', entityType: 'Household', entityId: household.id, before: null, after: household }))
            : [{ caller, requestId: context.requestId, action: 'importHouseholds', entityType: 'Household', entityId: '*', before: null, after: { count: households.length, codes: households.map((household) => household.code) } }],
        );
        return households;
      });
    } catch (error) {
      // Another clerk registered the same code between the check and the insert.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw conflict('A registry code in this request was registered meanwhile by someone else; reload and try again.', { field: `${fieldOf(0)}.code` });
      throw error;
    }
  }

  private check(input: RegisterHouseholdInput, field: string): Household {
    // Plain construction: repository.create() costs more than the insert itself on an import.
    const code = input.code.trim();
    if (!REGISTRY_CODE.test(code)) throw badUserInput(`${field}.code`, `Registry code ${JSON.stringify(input.code)} must be 1–40 letters, digits, '-', '.' or '/', starting with a letter or digit.`);
    const nationalId = input.nationalId?.trim() || null;
    if (nationalId !== null && !NATIONAL_ID.test(nationalId)) throw badUserInput(`${field}.nationalId`, 'A national ID number (số định danh cá nhân) has exactly 12 digits.');
    return Object.assign(new Household(), {
      code,
      headName: requireText(`${field}.headName`, input.headName, 'The head of household’s name'),
      nationalId,
      communeCode: input.communeCode,
      village: requireText(`${field}.village`, input.village, 'The village'),
      areaType: input.areaType as AreaType,
      members: requireIntegerInRange(`${field}.members`, input.members, 'The number of members', 1, 50),
      ethnicMinority: input.ethnicMinority,
      withoutLabourCapacity: input.withoutLabourCapacity,
      agricultural: input.agricultural,
      registeredOn: requireNotInFuture(`${field}.registeredOn`, input.registeredOn, 'The registration date'),
    });
  }

  /** Each commune must exist, be a commune, and be in force on the registration date. */
  private async requireCommunes(households: Household[], fieldOf: (i: number) => string): Promise<void> {
    const codes = [...new Set(households.map((household) => household.communeCode))];
    const versionsOf = new Map<string, AdminUnit[]>(codes.map((code) => [code, []]));
    for (const version of await this.adminUnits.versions(codes)) versionsOf.get(version.code)!.push(version);
    for (const [i, { communeCode, registeredOn }] of households.entries()) {
      const field = `${fieldOf(i)}.communeCode`;
      const versions = versionsOf.get(communeCode)!;
      const latest = versions.at(-1);
      if (!latest) throw badUserInput(field, `No administrative unit has code ${communeCode}; check the commune code (5 digits).`);
      if (latest.level !== AdminLevel.COMMUNE) {
        throw badUserInput(field, `${communeCode} (${latest.name}) is a ${latest.level.toLowerCase()}, not a commune; register the household in one of its communes.`);
      }
      if (!versions.some((v) => v.validFrom <= registeredOn && (v.validTo === null || v.validTo >= registeredOn))) {
        const successors = await this.adminUnits.successions([communeCode], 'from');
        const hint = successors.length ? ` Use its successor: ${successors.map((s) => s.toCode).join(' or ')}.` : '';
        const period = latest.validTo ? `from ${versions[0]!.validFrom} to ${latest.validTo}` : `from ${versions[0]!.validFrom}`;
        throw badUserInput(field, `Commune ${communeCode} (${latest.name}) existed ${period}, not on ${registeredOn}.${hint}`);
      }
    }
  }

  private async requireNewCodes(households: Household[], fieldOf: (i: number) => string): Promise<void> {
    const seen = new Map<string, number>();
    households.forEach(({ code }, i) => {
      if (seen.has(code)) throw conflict(`Registry code ${code} appears twice in this request.`, { field: `${fieldOf(i)}.code` });
      seen.set(code, i);
    });
    const taken: Array<{ code: string }> = await this.dataSource.query('SELECT code FROM households WHERE code = ANY($1) LIMIT 1', [[...seen.keys()]]);
    if (taken[0]) throw conflict(`Registry code ${taken[0].code} is already used by another household.`, { field: `${fieldOf(seen.get(taken[0].code)!)}.code` });
  }
}

/** One statement per chunk (TypeORM's row-by-row parameter building is slow for thousands). */
async function insertHouseholds(manager: EntityManager, households: Household[]): Promise<void> {
  const column = <T>(pick: (household: Household) => T) => households.map(pick);
  const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
    `INSERT INTO households (code, head_name, national_id, commune_code, village, area_type, members, ethnic_minority, without_labour_capacity, agricultural, registered_on)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::bool[], $9::bool[], $10::bool[], $11::date[])
     RETURNING id, created_at, updated_at`,
    [
      column((h) => h.code),
      column((h) => h.headName),
      column((h) => h.nationalId),
      column((h) => h.communeCode),
      column((h) => h.village),
      column((h) => h.areaType),
      column((h) => h.members),
      column((h) => h.ethnicMinority),
      column((h) => h.withoutLabourCapacity),
      column((h) => h.agricultural),
      column((h) => h.registeredOn),
    ],
  );
  // INSERT … SELECT FROM unnest returns rows in input order.
  rows.forEach((row, i) => Object.assign(households[i]!, { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at }));
}
