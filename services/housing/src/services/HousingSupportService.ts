import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Role, requireRole, type Caller } from '@povgraph/auth';
import { recordAudit } from '@povgraph/db';
import { badUserInput, conflict, notEligible, notFound } from '@povgraph/errors';
import type { AreaGuard } from '@povgraph/graph-client';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { loanProblem } from '../domain/loanLink';
import { grantProblem, ineligibilities } from '../domain/supportRules';
import { allowedNext, transitionProblem } from '../domain/transitions';
import { HousingStatus, HousingSupport, type HousingKind, type HousingSource } from '../entities';
import type { ApproveHousingSupportInput } from '../generated/resolvers';
import { isUuid, optionalText, requireFloorArea, requireNotInFuture, requireText } from '../validation';
import type { CreditLedger } from './CreditLedger';
import type { HouseholdRegistry, RegistryHousehold } from './HouseholdRegistry';
import type { SupportRuleService } from './SupportRuleService';

const UNIQUE_VIOLATION = '23505';
const { APPROVED, UNDER_CONSTRUCTION, COMPLETED, CANCELLED } = HousingStatus;
/** Registry reads of one batch that may run at once (one per approval date). */
const REGISTRY_CONCURRENCY = 4;

/** Names the input of item `i` in error fields: `input` for one mutation, `inputs.<i>` for a batch. */
export type FieldOf = (i: number) => string;
const batchField: FieldOf = (i) => `inputs.${i}`;
/** `field(prefix, name)`: `input.kind`, `inputs.3.kind`, or plain `startedOn` for a single transition. */
const field = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

/** Works started on one support (APPROVED → UNDER_CONSTRUCTION). */
export interface StartInput {
  id: string;
  startedOn: string;
}

/** Works finished on one support (UNDER_CONSTRUCTION → COMPLETED), with the floor area when measured. */
export interface CompleteInput {
  id: string;
  completedOn: string;
  floorAreaM2?: number | null;
}

/** One support cancelled before completion. */
export interface CancelInput {
  id: string;
  cancelledOn: string;
  reason: string;
}

/** What one transition changes besides the status. */
type Changes = Partial<Pick<HousingSupport, 'startedOn' | 'completedOn' | 'cancelledOn' | 'cancellationReason' | 'floorAreaM2' | 'membersAtCompletion'>>;

/** A checked transition of one support, ready to write. */
interface Move {
  support: HousingSupport;
  changes: Changes;
}

/**
 * Housing support (Dự án 5 and other sources): approval against the rule in force
 * and the registry, then works from start to completion, or a cancellation.
 * Every write is a batch (a board's list of approvals, the demo data); the single
 * mutations are batches of one, so both run the same checks.
 */
export class HousingSupportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: SupportRuleService,
    private readonly registry: HouseholdRegistry,
    private readonly credit: CreditLedger,
    private readonly areas: AreaGuard,
  ) {}

  async approve(context: BaseContext, input: ApproveHousingSupportInput): Promise<HousingSupport> {
    const [saved] = await this.approveMany(context, [input], () => 'input');
    return saved!;
  }

  /**
   * Approves many supports in one transaction. Every item is checked as the single
   * mutation checks it; the registry is asked once per approval date (1,000
   * households a request); one bad item refuses the batch, naming `inputs.<i>.<field>`.
   */
  async approveMany(context: BaseContext, inputs: readonly ApproveHousingSupportInput[], fieldOf: FieldOf = batchField): Promise<HousingSupport[]> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'approve housing support');
    if (inputs.length === 0) return [];
    const book = await this.rules.book();
    const checked = inputs.map((input, i) => {
      const at = fieldOf(i);
      const kind = input.kind as HousingKind;
      const source = input.source as HousingSource;
      const sponsor = optionalText(field(at, 'sponsor'), input.sponsor, 'The sponsor’s name', 200);
      const approvedOn = requireNotInFuture(field(at, 'approvedOn'), input.approvedOn, 'The approval date');
      const rule = book.requireInForce(source, kind, approvedOn, at);
      const grantError = grantProblem(rule, input.grantAmount);
      if (grantError) throw badUserInput(field(at, 'grantAmount'), grantError);
      if (!isUuid(input.householdId)) throw notFound(`No household has id ${input.householdId}.`, { field: field(at, 'householdId') });
      const loanId = input.loanId?.trim().toLowerCase() || null;
      if (loanId !== null && !isUuid(loanId)) throw badUserInput(field(at, 'loanId'), `${JSON.stringify(input.loanId?.trim())} is not a VBSP loan id; copy the id of the loan as the graph shows it.`);
      return { at, householdId: input.householdId.toLowerCase(), kind, source, sponsor, approvedOn, rule, grantAmount: input.grantAmount, loanId };
    });
    requireDistinct(checked, (item) => `${item.householdId}|${item.source}`, (item, first) =>
      conflict(`${field(item.at, 'householdId')} asks ${item.source} support for the same household as ${field(first.at, 'householdId')}; a source supports a household once.`, { field: field(item.at, 'source') }),
    );
    requireDistinct(checked.filter((item) => item.loanId !== null), (item) => item.loanId!, (item, first) =>
      conflict(`Loan ${item.loanId} is linked twice in this request (also at ${field(first.at, 'loanId')}); a housing loan finances one house.`, { field: field(item.at, 'loanId') }),
    );

    const households = await this.householdsOnApproval(caller, checked, context.requestId);
    const found = checked.map((item) => {
      const household = households.get(`${item.approvedOn}|${item.householdId}`);
      if (!household) throw notFound(`The household registry has no household with id ${item.householdId}.`, { field: field(item.at, 'householdId') });
      return { ...item, household };
    });
    await this.areas.assertServes(caller, [...new Set(found.map((item) => item.household.communeCode))], 'approving housing support', context.requestId);
    for (const { at, household, approvedOn, rule, source, kind } of found) {
      if (approvedOn < household.registeredOn) {
        throw badUserInput(field(at, 'approvedOn'), `Household ${household.code} was registered on ${household.registeredOn}; support cannot be approved before that (got ${approvedOn}).`);
      }
      const problems = ineligibilities(rule, {
        code: household.code,
        communeCode: household.communeCode,
        status: household.statusOn,
        statusOn: approvedOn,
        inPoorDistrict: household.commune.inPoorDistrict,
      });
      if (problems.length) {
        throw notEligible(`Household ${household.code} does not qualify for ${source} ${kind} support on ${approvedOn}: ${problems.map((p) => p.message).join('; ')}.`, {
          field: field(at, 'householdId'),
          reasons: problems.map((p) => p.reason),
        });
      }
    }
    for (const { at, loanId, household } of found) {
      if (loanId === null) continue;
      const problem = loanProblem(loanId, await this.credit.loan(caller, loanId, context.requestId), household.id);
      if (problem) throw badUserInput(field(at, 'loanId'), problem);
    }
    await this.requireNoActiveSupport(found);

    const repository = this.dataSource.getRepository(HousingSupport);
    const supports = found.map((item) =>
      repository.create({
        id: randomUUID(),
        householdId: item.household.id,
        communeCode: item.household.communeCode,
        kind: item.kind,
        source: item.source,
        sponsor: item.sponsor,
        approvedOn: item.approvedOn,
        grantAmount: item.grantAmount,
        loanId: item.loanId,
        status: APPROVED,
        startedOn: null,
        completedOn: null,
        cancelledOn: null,
        cancellationReason: null,
        floorAreaM2: null,
        membersAtCompletion: null,
      }),
    );
    try {
      return await this.dataSource.transaction(async (manager) => {
        await insertSupports(manager, supports);
        await recordAudit(
          manager,
          supports.map((saved) => ({ caller, requestId: context.requestId, action: 'approveHousingSupport', entityType: 'HousingSupport', entityId: saved.id, before: null, after: saved })),
        );
        return supports;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      // Another clerk approved the same household or loan between the check and the insert.
      await this.requireNoActiveSupport(found);
      throw conflict('A household or loan in this request was given housing support meanwhile by someone else; reload and try again.', { field: field(found[0]!.at, 'source') });
    }
  }

  /** Each household as the registry knows it on its approval day, keyed `date|id`: one request per date and 1,000 households. */
  private async householdsOnApproval(caller: Caller, items: ReadonlyArray<{ householdId: string; approvedOn: string }>, requestId?: string): Promise<Map<string, RegistryHousehold>> {
    const idsByDate = new Map<string, string[]>();
    for (const { householdId, approvedOn } of items) {
      if (!idsByDate.has(approvedOn)) idsByDate.set(approvedOn, []);
      idsByDate.get(approvedOn)!.push(householdId);
    }
    const result = new Map<string, RegistryHousehold>();
    const dates = [...idsByDate.keys()];
    await inParallel(dates, REGISTRY_CONCURRENCY, async (date) => {
      for (const [id, household] of await this.registry.forApproval(caller, idsByDate.get(date)!, date, requestId)) result.set(`${date}|${id}`, household);
    });
    return result;
  }

  /** CONFLICT for the first item whose household already has active support from its source, or whose loan already co-finances one. */
  private async requireNoActiveSupport(items: ReadonlyArray<{ at: string; household: RegistryHousehold; source: HousingSource; loanId: string | null }>): Promise<void> {
    const active: Array<Pick<HousingSupport, 'id' | 'householdId' | 'source' | 'kind' | 'approvedOn' | 'status' | 'loanId'>> = await this.dataSource.query(
      `SELECT s.id, s.household_id AS "householdId", s.source, s.kind, s.approved_on::text AS "approvedOn", s.status, s.loan_id AS "loanId"
       FROM housing_supports s
       WHERE s.status <> 'CANCELLED'
         AND ((s.household_id, s.source) IN (SELECT * FROM unnest($1::uuid[], $2::text[])) OR s.loan_id = ANY($3::uuid[]))`,
      [items.map((item) => item.household.id), items.map((item) => item.source), items.flatMap((item) => (item.loanId ? [item.loanId] : []))],
    );
    if (active.length === 0) return;
    for (const { at, household, source, loanId } of items) {
      const other = active.find((s) => s.householdId === household.id && s.source === source);
      if (other) {
        throw conflict(
          `Household ${household.code} already has housing support from ${source} (support ${other.id}, ${other.kind} approved on ${other.approvedOn}, now ${other.status}); a source supports a household once. Cancel that support first if this one replaces it.`,
          { field: field(at, 'source') },
        );
      }
      const financing = loanId === null ? undefined : active.find((s) => s.loanId === loanId);
      if (financing) throw conflict(`Loan ${loanId} already co-finances housing support ${financing.id} (${financing.source}); a housing loan finances one house.`, { field: field(at, 'loanId') });
    }
  }

  async start(context: BaseContext, id: string, startedOn: string): Promise<HousingSupport> {
    const [saved] = await this.startMany(context, [{ id, startedOn }], () => '');
    return saved!;
  }

  /** Records that works started on many supports, in one transaction; one bad item refuses the batch. */
  async startMany(context: BaseContext, inputs: readonly StartInput[], fieldOf: FieldOf = batchField): Promise<HousingSupport[]> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'record the start of housing works');
    inputs.forEach((input, i) => requireNotInFuture(field(fieldOf(i), 'startedOn'), input.startedOn, 'The start date'));
    const supports = await this.findMany(inputs.map((input) => input.id), fieldOf);
    await this.areas.assertServes(caller, communesOf(supports), 'recording housing works', context.requestId);
    const moves = inputs.map(({ startedOn }, i): Move => {
      const support = supports[i]!;
      requireTransition(support, UNDER_CONSTRUCTION);
      if (startedOn < support.approvedOn) throw badUserInput(field(fieldOf(i), 'startedOn'), `Works cannot start on ${startedOn}, before the support was approved on ${support.approvedOn}.`);
      return { support, changes: { startedOn } };
    });
    return this.moveMany(context, caller, 'startConstruction', moves, UNDER_CONSTRUCTION);
  }

  async complete(context: BaseContext, id: string, completedOn: string, floorAreaM2: number | null | undefined): Promise<HousingSupport> {
    const [saved] = await this.completeMany(context, [{ id, completedOn, floorAreaM2 }], () => '');
    return saved!;
  }

  /**
   * Records that works finished on many supports, in one transaction. Area per
   * person divides by the members the registry lists on the completion day (one
   * request per 1,000 households measured).
   */
  async completeMany(context: BaseContext, inputs: readonly CompleteInput[], fieldOf: FieldOf = batchField): Promise<HousingSupport[]> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'record the completion of housing works');
    const areas = inputs.map((input, i) => {
      requireNotInFuture(field(fieldOf(i), 'completedOn'), input.completedOn, 'The completion date');
      return input.floorAreaM2 == null ? null : requireFloorArea(field(fieldOf(i), 'floorAreaM2'), input.floorAreaM2);
    });
    const supports = await this.findMany(inputs.map((input) => input.id), fieldOf);
    await this.areas.assertServes(caller, communesOf(supports), 'recording housing works', context.requestId);
    supports.forEach((support, i) => {
      requireTransition(support, COMPLETED);
      const { completedOn } = inputs[i]!;
      if (completedOn < support.startedOn!) throw badUserInput(field(fieldOf(i), 'completedOn'), `Works cannot be completed on ${completedOn}, before they started on ${support.startedOn}.`);
    });
    const measured = supports.filter((_, i) => areas[i] !== null).map((support) => support.householdId);
    const members = measured.length ? await this.registry.members(caller, measured, context.requestId) : new Map<string, number>();
    const moves = supports.map((support, i): Move => {
      const area = areas[i]!;
      return { support, changes: { completedOn: inputs[i]!.completedOn, floorAreaM2: area, membersAtCompletion: area === null ? null : (members.get(support.householdId.toLowerCase()) ?? null) } };
    });
    return this.moveMany(context, caller, 'completeConstruction', moves, COMPLETED);
  }

  async cancel(context: BaseContext, id: string, cancelledOn: string, reason: string): Promise<HousingSupport> {
    const [saved] = await this.cancelMany(context, [{ id, cancelledOn, reason }], () => '');
    return saved!;
  }

  /** Cancels many supports not yet completed, in one transaction; one bad item refuses the batch. */
  async cancelMany(context: BaseContext, inputs: readonly CancelInput[], fieldOf: FieldOf = batchField): Promise<HousingSupport[]> {
    const caller = requireRole(context.caller, [Role.HOUSING_BOARD], 'cancel housing support');
    const reasons = inputs.map((input, i) => {
      requireNotInFuture(field(fieldOf(i), 'cancelledOn'), input.cancelledOn, 'The cancellation date');
      return requireText(field(fieldOf(i), 'reason'), input.reason, 'The reason for cancelling', 500);
    });
    const supports = await this.findMany(inputs.map((input) => input.id), fieldOf);
    await this.areas.assertServes(caller, communesOf(supports), 'cancelling housing support', context.requestId);
    const moves = supports.map((support, i): Move => {
      requireTransition(support, CANCELLED);
      const { cancelledOn } = inputs[i]!;
      const earliest = support.startedOn ?? support.approvedOn;
      if (cancelledOn < earliest) {
        const event = support.startedOn ? `works started on ${support.startedOn}` : `it was approved on ${support.approvedOn}`;
        throw badUserInput(field(fieldOf(i), 'cancelledOn'), `The support cannot be cancelled on ${cancelledOn}, before ${event}.`);
      }
      return { support, changes: { cancelledOn, cancellationReason: reasons[i]! } };
    });
    return this.moveMany(context, caller, 'cancelHousingSupport', moves, CANCELLED);
  }

  /** The supports, in the order of `ids`, in one statement; NOT_FOUND naming the first unknown id, BAD_USER_INPUT for one named twice. */
  private async findMany(ids: readonly string[], fieldOf: FieldOf): Promise<HousingSupport[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const rows = valid.length ? await this.dataSource.getRepository(HousingSupport).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids: valid }).getMany() : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const seen = new Map<string, number>();
    return ids.map((id, i) => {
      const support = isUuid(id) ? byId.get(id.toLowerCase()) : undefined;
      if (!support) throw notFound(`No housing support has id ${id}.`, { field: field(fieldOf(i), 'id') });
      if (seen.has(support.id)) throw badUserInput(field(fieldOf(i), 'id'), `Housing support ${id} appears twice in this request (also at ${field(fieldOf(seen.get(support.id)!), 'id')}).`);
      seen.set(support.id, i);
      return support;
    });
  }

  /**
   * Moves the supports to `to` in one transaction with their audit rows. The rows
   * are locked and their status read again: when a clerk changed one meanwhile,
   * their change stands and the batch is refused (its dates were checked against the old row).
   */
  private async moveMany(context: BaseContext, caller: Caller, action: string, moves: readonly Move[], to: HousingStatus): Promise<HousingSupport[]> {
    if (moves.length === 0) return [];
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(HousingSupport)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = ANY(:ids)', { ids: moves.map((move) => move.support.id) })
        .getMany();
      const current = new Map(locked.map((row) => [row.id, row]));
      const audits = moves.map(({ support: checked, changes }) => {
        const support = current.get(checked.id)!;
        if (support.status !== checked.status) {
          throw conflict(`Housing support ${support.id} became ${support.status} while this change was being checked; reload it and try again.`, {
            status: support.status,
            allowed: [...allowedNext(support.status)],
          });
        }
        const before = { ...support };
        Object.assign(support, changes, { status: to });
        return { before, support };
      });
      const updated = await updateSupports(
        manager,
        audits.map(({ support }) => support),
      );
      for (const { support } of audits) support.updatedAt = updated.get(support.id)!;
      await recordAudit(
        manager,
        audits.map(({ before, support }) => ({ caller, requestId: context.requestId, action, entityType: 'HousingSupport', entityId: support.id, before, after: support })),
      );
      return audits.map(({ support }) => support);
    });
  }
}

/** CONFLICT naming the current status and what may follow it. */
function requireTransition(support: HousingSupport, to: HousingStatus): void {
  const problem = transitionProblem(support.status, to);
  if (problem) throw conflict(`Housing support ${support.id}: ${problem}`, { status: support.status, allowed: [...allowedNext(support.status)] });
}

const communesOf = (supports: readonly HousingSupport[]) => [...new Set(supports.map((support) => support.communeCode))];

/** Throws `refuse(item, first)` for the first item whose key an earlier item had. */
function requireDistinct<T>(items: readonly T[], keyOf: (item: T) => string, refuse: (item: T, first: T) => Error): void {
  const seen = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first) throw refuse(item, first);
    seen.set(key, item);
  }
}

/** Runs `work` over `items`, at most `limit` at a time; the first failure rejects. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One INSERT for the whole batch (TypeORM's row-by-row parameters are slow for thousands); sets the timestamps. */
async function insertSupports(manager: EntityManager, supports: HousingSupport[]): Promise<void> {
  const column = <T>(pick: (support: HousingSupport) => T) => supports.map(pick);
  const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
    `INSERT INTO housing_supports (id, household_id, commune_code, kind, source, sponsor, approved_on, grant_amount, loan_id, status)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::bigint[], $9::uuid[], $10::text[])
     RETURNING id, created_at, updated_at`,
    [
      column((s) => s.id),
      column((s) => s.householdId),
      column((s) => s.communeCode),
      column((s) => s.kind),
      column((s) => s.source),
      column((s) => s.sponsor),
      column((s) => s.approvedOn),
      column((s) => String(s.grantAmount)),
      column((s) => s.loanId),
      column((s) => s.status),
    ],
  );
  const stamps = new Map(rows.map((row) => [row.id, row]));
  for (const support of supports) {
    const stamp = stamps.get(support.id)!;
    support.createdAt = stamp.created_at;
    support.updatedAt = stamp.updated_at;
  }
}

/** One UPDATE for the whole batch: the status and every transition column; returns the new updated_at by id. */
async function updateSupports(manager: EntityManager, supports: HousingSupport[]): Promise<Map<string, Date>> {
  const column = <T>(pick: (support: HousingSupport) => T) => supports.map(pick);
  const rows: Array<{ id: string; updated_at: Date }> = await manager.query(
    `UPDATE housing_supports s
     SET status = v.status, started_on = v.started_on, completed_on = v.completed_on, cancelled_on = v.cancelled_on,
         cancellation_reason = v.cancellation_reason, floor_area_m2 = v.floor_area_m2, members_at_completion = v.members_at_completion, updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::date[], $6::text[], $7::numeric[], $8::int[])
          AS v(id, status, started_on, completed_on, cancelled_on, cancellation_reason, floor_area_m2, members_at_completion)
     WHERE s.id = v.id
     RETURNING s.id, s.updated_at`,
    [
      column((s) => s.id),
      column((s) => s.status),
      column((s) => s.startedOn),
      column((s) => s.completedOn),
      column((s) => s.cancelledOn),
      column((s) => s.cancellationReason),
      column((s) => (s.floorAreaM2 === null ? null : String(s.floorAreaM2))),
      column((s) => s.membersAtCompletion),
    ],
  );
  return new Map(rows.map((row) => [row.id, row.updated_at]));
}
