import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Poor districts (huyện nghèo, Decision 353/QĐ-TTg of 2022) qualify for Dự án 1 and Dự án 5. */
export class PoorDistricts1763856000000 implements MigrationInterface {
  name = 'PoorDistricts1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE admin_units ADD COLUMN poor_district boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE admin_units DROP COLUMN poor_district`);
  }
}
