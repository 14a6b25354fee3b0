import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { AdminLevel, Household, type AreaType } from '../entities';
import type { RegisterHouseholdInput } from '../generated/resolvers';
import { requireIntegerInRange, requireNotInFuture, requireText } from '../validation';
import type { AdminUnitService } from './AdminUnitService';

const REGISTRY_CODE = /^[A-Za-z0-9][A-Za-z0-9\-./]{0,39}$/;
const NATIONAL_ID = /^\d{12}$/;
const UNIQUE_VIOLATION = '23505';

/** The household registry (sổ đăng ký hộ): registration with every rule checked first. */
export class HouseholdService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly adminUnits: AdminUnitService,
  ) {}

  /** The commune must exist, be a commune, and be in force on the registration date. */
  private async requireCommuneOn(communeCode: string, day: string): Promise<void> {
    const field = 'input.communeCode';
    const [latest] = await this.adminUnits.latestVersions([communeCode]);
    if (!latest) throw badUserInput(field, `No administrative unit has code ${communeCode}; check the commune code (5 digits).`);
    if (latest.level !== AdminLevel.COMMUNE) {
      throw badUserInput(field, `${communeCode} (${latest.name}) is a ${latest.level.toLowerCase()}, not a commune; register the household in one of its communes.`);
    }
    if (!(await this.adminUnits.versionOn(communeCode, day))) {
      const successors = await this.adminUnits.successions([communeCode], 'from');
      const hint = successors.length ? ` Use its successor: ${successors.map((s) => s.toCode).join(' or ')}.` : '';
      const period = latest.validTo ? `from ${latest.validFrom} to ${latest.validTo}` : `from ${latest.validFrom}`;
      throw badUserInput(field, `Commune ${communeCode} (${latest.name}) existed ${period}, not on ${day}.${hint}`);
    }
  }

  async register(context: BaseContext, input: RegisterHouseholdInput): Promise<Household> {
    const caller = requireRole(context.caller, [Role.LABOUR_OFFICE], 'register households');
    const code = input.code.trim();
    if (!REGISTRY_CODE.test(code)) throw badUserInput('input.code', `Registry code ${JSON.stringify(input.code)} must be 1–40 letters, digits, '-', '.' or '/', starting with a letter or digit.`);
    const nationalId = input.nationalId?.trim() || null;
    if (nationalId !== null && !NATIONAL_ID.test(nationalId)) throw badUserInput('input.nationalId', 'A national ID number (số định danh cá nhân) has exactly 12 digits.');
    const registeredOn = requireNotInFuture('input.registeredOn', input.registeredOn, 'The registration date');
    const household = this.dataSource.getRepository(Household).create({
      code,
      headName: requireText('input.headName', input.headName, 'The head of household’s name'),
      nationalId,
      communeCode: input.communeCode,
      village: requireText('input.village', input.village, 'The village'),
      areaType: input.areaType as AreaType,
      members: requireIntegerInRange('input.members', input.members, 'The number of members', 1, 50),
      ethnicMinority: input.ethnicMinority,
      withoutLabourCapacity: input.withoutLabourCapacity,
      agricultural: input.agricultural,
      registeredOn,
    });
    await this.requireCommuneOn(input.communeCode, registeredOn);
    await this.adminUnits.assertCallerServes(caller, input.communeCode, 'registering a household');

    const duplicate = () => conflict(`Registry code ${code} is already used by another household.`, { field: 'input.code' });
    if (await this.dataSource.getRepository(Household).existsBy({ code })) throw duplicate();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(household);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'registerHousehold', entityType: 'Household', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      // Another clerk registered the same code between the check and the insert.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw duplicate();
      throw error;
    }
  }
}
