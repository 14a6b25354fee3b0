import type { DataSource } from 'typeorm';
import type { TestSubgraphRecipe } from '@povgraph/testing';
import type { Context } from '../src/context';
import { householdsDataSource, householdsSubgraph } from '../src/subgraph';

export const recipe: TestSubgraphRecipe<Context> = {
  label: 'households',
  dataSource: householdsDataSource,
  subgraph: householdsSubgraph,
};

/**
 * A small map before and after the 2025 reform: Gia Lai (64) with the district
 * Kông Chro (630, abolished 2025-07-01) and its communes; the two old communes
 * merge into new commune 23710. Kông Chro is a poor district; Ia Pa (631) is a
 * neighbouring district that is not.
 */
export const UNITS = {
  province: '64',
  district: '630',
  communeA: '23701',
  communeB: '23702',
  mergedCommune: '23710',
  otherDistrict: '631',
  otherCommune: '23801',
} as const;

export async function insertUnits(dataSource: DataSource): Promise<void> {
  await dataSource.query(`
    INSERT INTO admin_units (code, valid_from, valid_to, name, level, parent_code) VALUES
      ('64', '2004-01-01', NULL, 'Gia Lai', 'PROVINCE', NULL),
      ('630', '2004-01-01', '2025-06-30', 'Kông Chro', 'DISTRICT', '64'),
      ('23701', '2004-01-01', '2025-06-30', 'Thị trấn Kông Chro', 'COMMUNE', '630'),
      ('23702', '2004-01-01', '2019-12-31', 'Xã Đăk Kơ Ning', 'COMMUNE', '630'),
      ('23702', '2020-01-01', '2025-06-30', 'Xã Đắk Kơ Ning', 'COMMUNE', '630'),
      ('23710', '2025-07-01', NULL, 'Xã Kông Chro', 'COMMUNE', '64'),
      ('631', '2004-01-01', '2025-06-30', 'Ia Pa', 'DISTRICT', '64'),
      ('23801', '2004-01-01', '2025-06-30', 'Xã Ia Mrơn', 'COMMUNE', '631')`);
  await dataSource.query(`
    INSERT INTO admin_unit_successions (from_code, to_code, effective_on, note) VALUES
      ('23701', '23710', '2025-07-01', 'Nghị quyết sắp xếp ĐVHC 2025'),
      ('23702', '23710', '2025-07-01', 'Nghị quyết sắp xếp ĐVHC 2025')`);
  await dataSource.query(`UPDATE admin_units SET poor_district = true WHERE code = '630'`);
}

/** `count` households in one commune, straight into the table (for SQL-count tests). */
export async function insertHouseholds(dataSource: DataSource, count: number, communeCode: string, prefix: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO households (code, head_name, national_id, commune_code, village, area_type, members, registered_on)
     SELECT $3 || lpad(i::text, 5, '0'), 'Hộ ' || i, lpad(i::text, 12, '0'), $2, 'Làng ' || (i % 5), 'RURAL', 4, '2020-01-01'
     FROM generate_series(1, $1) AS i RETURNING id`,
    [count, communeCode, prefix],
  );
  await dataSource.query(
    `INSERT INTO assessments (household_id, year, assessed_on, commune_code, income_per_person_monthly, lacking_indicators, standard_code, status)
     SELECT id, 2023, '2023-12-01', $2, 1000000, ARRAY['EMPLOYMENT'], '2022-2025', 'NEAR_POOR' FROM unnest($1::uuid[]) AS id`,
    [rows.map((row) => row.id), communeCode],
  );
  return rows.map((row) => row.id);
}

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) { id code headName nationalId communeCode village areaType members ethnicMinority withoutLabourCapacity agricultural registeredOn }
  }`;

export const RECORD = /* GraphQL */ `
  mutation Record($input: RecordAssessmentInput!) {
    recordAssessment(input: $input) { id year assessedOn incomePerPersonMonthly lackingIndicators lackingCount status standard { code } household { code } }
  }`;

export const SET_TARGET = /* GraphQL */ `
  mutation Target($input: SetReductionTargetInput!) {
    setReductionTarget(input: $input) { id unitCode year indicator value note unit { name } }
  }`;

export function householdInput(overrides: Record<string, unknown> = {}) {
  return {
    code: 'KC-0001',
    headName: 'Đinh Văn Hmơ',
    nationalId: '064085001234',
    communeCode: UNITS.communeA,
    village: 'Làng Tơ Pơ',
    areaType: 'RURAL',
    members: 5,
    ethnicMinority: true,
    agricultural: true,
    registeredOn: '2021-03-15',
    ...overrides,
  };
}

/** Row counts of every table a mutation may write, to prove a refused one wrote nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(`
    SELECT (SELECT count(*) FROM households)::int AS households,
           (SELECT count(*) FROM assessments)::int AS assessments,
           (SELECT count(*) FROM reduction_targets)::int AS targets,
           (SELECT count(*) FROM poverty_standards)::int AS standards,
           (SELECT count(*) FROM audit_log)::int AS audit`);
  return row;
}
