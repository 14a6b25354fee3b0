import type { DataSource } from 'typeorm';
import { badUserInput } from '@povgraph/errors';
import { ruleInForce } from '../domain/supportRules';
import { SupportRule, type HousingKind, type HousingSource } from '../entities';

/** The support rules (caps and eligibility per source, kind and period), read from `support_rules`. */
export class SupportRuleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every rule, or those in force on `on`; by source, kind and start. */
  async list(on?: string | null): Promise<SupportRule[]> {
    const query = this.dataSource.getRepository(SupportRule).createQueryBuilder('r').orderBy('r.source').addOrderBy('r.kind').addOrderBy('r.valid_from');
    if (on) query.where('r.valid_from <= :on AND (r.valid_to IS NULL OR r.valid_to >= :on)', { on });
    return query.getMany();
  }

  /** The rule book as it stands: every rule on record (a few dozen rows), for checking a batch against. */
  async book(): Promise<RuleBook> {
    return new RuleBook(await this.list());
  }
}

/** Every rule on record, to find the one in force for each write of a batch. */
export class RuleBook {
  constructor(private readonly rules: readonly SupportRule[]) {}

  /**
   * The rule for (source, kind) in force on `day`, or BAD_USER_INPUT naming the
   * periods on record (`field` is the input holding kind and approval date, e.g. `input`).
   */
  requireInForce(source: HousingSource, kind: HousingKind, day: string, field: string): SupportRule {
    const rule = ruleInForce(this.rules, source, kind, day);
    if (rule) return rule;
    const rules = this.rules.filter((r) => r.source === source && r.kind === kind);
    if (rules.length === 0) throw badUserInput(`${field}.kind`, `No rule on record lets ${source} fund ${kind} support; choose another source or kind.`);
    const periods = [...rules]
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
      .map((r) => (r.validTo ? `from ${r.validFrom} to ${r.validTo}` : `from ${r.validFrom}`))
      .join(', ');
    throw badUserInput(`${field}.approvedOn`, `No ${source} rule for ${kind} support is in force on ${day}; its rules apply ${periods}.`);
  }
}
