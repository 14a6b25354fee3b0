import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_PROGRAMME_RULES } from '../domain/programmes';

/** The programme rules in force since 2016, as data (a change of rate or cap is a new migration adding a row). */
export class ProgrammeRules1763942400001 implements MigrationInterface {
  name = 'ProgrammeRules1763942400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const rule of INITIAL_PROGRAMME_RULES) {
      await queryRunner.query(
        `INSERT INTO programme_rules (programme, valid_from, valid_to, annual_rate, overdue_rate_percent_of_normal, max_principal_per_household, max_term_months, qualifying_statuses, legal_basis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          rule.programme,
          rule.validFrom,
          rule.validTo,
          rule.annualRate.toFixed(3),
          rule.overdueRatePercentOfNormal,
          String(rule.maxPrincipalPerHousehold),
          rule.maxTermMonths,
          rule.qualifyingStatuses,
          rule.legalBasis,
        ],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM programme_rules WHERE valid_from = $1 AND programme = ANY($2)`, [
      INITIAL_PROGRAMME_RULES[0]!.validFrom,
      INITIAL_PROGRAMME_RULES.map((rule) => rule.programme),
    ]);
  }
}
