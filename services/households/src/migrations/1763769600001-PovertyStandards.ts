import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_STANDARDS } from '../domain/standards';

/** The standards in force since 2016, stored as data (later ones come through definePovertyStandard). */
export class PovertyStandards1763769600001 implements MigrationInterface {
  name = 'PovertyStandards1763769600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const s of INITIAL_STANDARDS) {
      await queryRunner.query(
        `INSERT INTO poverty_standards (code, name, legal_basis, from_year, to_year, min_lacking_for_poor, indicators, rural_lines, urban_lines)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [s.code, s.name, s.legalBasis, s.fromYear, s.toYear, s.minLackingForPoor, JSON.stringify(s.indicators), JSON.stringify(s.ruralLines), JSON.stringify(s.urbanLines)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM poverty_standards WHERE code = ANY($1)`, [INITIAL_STANDARDS.map((s) => s.code)]);
  }
}
