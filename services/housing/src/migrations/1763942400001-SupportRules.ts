import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_RULES } from '../domain/supportRules';

/** The support rules of each source, stored as data (see INITIAL_RULES for the figures that are assumed). */
export class SupportRules1763942400001 implements MigrationInterface {
  name = 'SupportRules1763942400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const r of INITIAL_RULES) {
      await queryRunner.query(
        `INSERT INTO support_rules (source, kind, valid_from, valid_to, max_grant, qualifying_statuses, requires_poor_district, legal_basis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [r.source, r.kind, r.validFrom, r.validTo, r.maxGrant === null ? null : String(r.maxGrant), r.qualifyingStatuses, r.requiresPoorDistrict, r.legalBasis],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const r of INITIAL_RULES) {
      await queryRunner.query(`DELETE FROM support_rules WHERE source = $1 AND kind = $2 AND valid_from = $3`, [r.source, r.kind, r.validFrom]);
    }
  }
}
