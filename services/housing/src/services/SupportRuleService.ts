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

  /** The rule for (source, kind) in force on `day`, or BAD_USER_INPUT naming the periods on record. */
  async requireInForce(source: HousingSource, kind: HousingKind, day: string): Promise<SupportRule> {
    const rules = await this.dataSource.getRepository(SupportRule).findBy({ source, kind });
    const rule = ruleInForce(rules, source, kind, day);
    if (rule) return rule;
    if (rules.length === 0) throw badUserInput('input.kind', `No rule on record lets ${source} fund ${kind} support; choose another source or kind.`);
    const periods = rules
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
      .map((r) => (r.validTo ? `from ${r.validFrom} to ${r.validTo}` : `from ${r.validFrom}`))
      .join(', ');
    throw badUserInput('input.approvedOn', `No ${source} rule for ${kind} support is in force on ${day}; its rules apply ${periods}.`);
  }
}
