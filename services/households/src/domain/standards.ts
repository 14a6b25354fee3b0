import type { DeprivationIndicator, PovertyStandard } from '../entities/PovertyStandard';

/**
 * The standards in force since 2016, as the first migration stores them. After
 * that they are data: a new standard is added with `definePovertyStandard`.
 */
const indicators2016: DeprivationIndicator[] = [
  { code: 'HEALTH_SERVICE_ACCESS', dimension: 'HEALTH', name: 'Tiếp cận các dịch vụ y tế (access to health services)' },
  { code: 'HEALTH_INSURANCE', dimension: 'HEALTH', name: 'Bảo hiểm y tế (health insurance)' },
  { code: 'ADULT_EDUCATION', dimension: 'EDUCATION', name: 'Trình độ giáo dục của người lớn (adult education)' },
  { code: 'CHILD_SCHOOLING', dimension: 'EDUCATION', name: 'Tình trạng đi học của trẻ em (children at school)' },
  { code: 'HOUSING_QUALITY', dimension: 'HOUSING', name: 'Chất lượng nhà ở (housing quality)' },
  { code: 'HOUSING_AREA', dimension: 'HOUSING', name: 'Diện tích nhà ở bình quân đầu người (floor area per person)' },
  { code: 'DRINKING_WATER', dimension: 'WATER_AND_SANITATION', name: 'Nguồn nước sinh hoạt (drinking water)' },
  { code: 'SANITATION', dimension: 'WATER_AND_SANITATION', name: 'Hố xí / nhà tiêu hợp vệ sinh (sanitary latrine)' },
  { code: 'TELECOM', dimension: 'INFORMATION', name: 'Sử dụng dịch vụ viễn thông (telecommunication)' },
  { code: 'INFORMATION_ACCESS', dimension: 'INFORMATION', name: 'Tài sản phục vụ tiếp cận thông tin (means of information access)' },
];

const indicators2022: DeprivationIndicator[] = [
  { code: 'EMPLOYMENT', dimension: 'EMPLOYMENT', name: 'Việc làm (employment)' },
  { code: 'DEPENDANTS', dimension: 'EMPLOYMENT', name: 'Người phụ thuộc trong hộ gia đình (dependants)' },
  { code: 'NUTRITION', dimension: 'HEALTH', name: 'Dinh dưỡng (nutrition)' },
  { code: 'HEALTH_INSURANCE', dimension: 'HEALTH', name: 'Bảo hiểm y tế (health insurance)' },
  { code: 'ADULT_EDUCATION', dimension: 'EDUCATION', name: 'Trình độ giáo dục của người lớn (adult education)' },
  { code: 'CHILD_SCHOOLING', dimension: 'EDUCATION', name: 'Tình trạng đi học của trẻ em (children at school)' },
  { code: 'HOUSING_QUALITY', dimension: 'HOUSING', name: 'Chất lượng nhà ở (housing quality)' },
  { code: 'HOUSING_AREA', dimension: 'HOUSING', name: 'Diện tích nhà ở bình quân đầu người (floor area per person)' },
  { code: 'DRINKING_WATER', dimension: 'WATER_AND_SANITATION', name: 'Nguồn nước sinh hoạt (drinking water)' },
  { code: 'SANITATION', dimension: 'WATER_AND_SANITATION', name: 'Nhà tiêu hợp vệ sinh (sanitary latrine)' },
  { code: 'TELECOM', dimension: 'INFORMATION', name: 'Sử dụng dịch vụ viễn thông (telecommunication)' },
  { code: 'INFORMATION_ACCESS', dimension: 'INFORMATION', name: 'Phương tiện phục vụ tiếp cận thông tin (means of information access)' },
];

export const INITIAL_STANDARDS: PovertyStandard[] = [
  {
    code: '2016-2020',
    name: 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020',
    legalBasis: 'Quyết định 59/2015/QĐ-TTg (also applied to the 2021 review)',
    fromYear: 2016,
    toYear: 2021,
    minLackingForPoor: 3,
    indicators: indicators2016,
    ruralLines: { poorIncomeLine: 700_000, incomeLine: 1_000_000, averageLivingLine: 1_500_000 },
    urbanLines: { poorIncomeLine: 900_000, incomeLine: 1_300_000, averageLivingLine: 1_950_000 },
  },
  {
    code: '2022-2025',
    name: 'Chuẩn nghèo đa chiều giai đoạn 2022–2025',
    legalBasis: 'Nghị định 07/2021/NĐ-CP; extended through 2026 by Nghị định 351/2025/NĐ-CP',
    fromYear: 2022,
    toYear: 2026,
    minLackingForPoor: 3,
    indicators: indicators2022,
    ruralLines: { poorIncomeLine: null, incomeLine: 1_500_000, averageLivingLine: 2_250_000 },
    urbanLines: { poorIncomeLine: null, incomeLine: 2_000_000, averageLivingLine: 3_000_000 },
  },
  {
    code: '2027-2030',
    name: 'Chuẩn nghèo đa chiều giai đoạn 2027–2030',
    // The decree sets the income lines and keeps the ≥ 3 / < 3 rule; the average-living
    // ceilings are assumed at 1.5 × the line, as in the earlier standards.
    legalBasis: 'Nghị định 351/2025/NĐ-CP',
    fromYear: 2027,
    toYear: 2030,
    minLackingForPoor: 3,
    indicators: indicators2022,
    ruralLines: { poorIncomeLine: null, incomeLine: 2_200_000, averageLivingLine: 3_300_000 },
    urbanLines: { poorIncomeLine: null, incomeLine: 2_800_000, averageLivingLine: 4_200_000 },
  },
];
