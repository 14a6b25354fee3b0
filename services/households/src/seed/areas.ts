import { AreaType } from '../entities';

/**
 * The five areas of the seed reports (DESIGN.md §5). Province and district names
 * and codes are real; commune codes are illustrative (unique, 5 digits) and the
 * commune names are those of the 2023 map. On 1 July 2025 districts were abolished
 * and communes merged: each `after2025` commune takes over the old ones listed.
 */
export interface CommuneSpec {
  code: string;
  name: string;
  areaType: AreaType;
  /** Village word: Làng, Thôn, Buôn, Bon, Ấp, Khóm, Tổ dân phố. */
  villageWord: string;
}

export interface DistrictSpec {
  code: string;
  name: string;
  provinceCode: string;
  /** Huyện nghèo under Decision 353/QĐ-TTg (2022–2025). */
  poorDistrict: boolean;
  communes: CommuneSpec[];
  after2025: Array<{ code: string; name: string; takesOver: string[] }>;
}

const R = AreaType.RURAL;
const U = AreaType.URBAN;
const commune = (code: string, name: string, areaType: AreaType, villageWord: string): CommuneSpec => ({ code, name, areaType, villageWord });

export const PROVINCES = [
  { code: '64', name: 'Gia Lai', until: '2025-06-30', mergedInto: '52' },
  { code: '66', name: 'Đắk Lắk', until: null, mergedInto: null },
  { code: '67', name: 'Đắk Nông', until: '2025-06-30', mergedInto: '68' },
  { code: '89', name: 'An Giang', until: '2025-06-30', mergedInto: '91' },
] as const;

/** Provinces formed on 1 July 2025 that keep a code of one of the merged ones. */
export const MERGED_PROVINCES = [
  { code: '52', before: 'Bình Định', after: 'Gia Lai' },
  { code: '68', before: 'Lâm Đồng', after: 'Lâm Đồng' },
  { code: '91', before: 'Kiên Giang', after: 'An Giang' },
] as const;

export const DISTRICTS: DistrictSpec[] = [
  {
    code: '630',
    poorDistrict: true,
    name: 'Kông Chro',
    provinceCode: '64',
    communes: [
      commune('23941', 'Thị trấn Kông Chro', R, 'Làng'),
      commune('23944', 'Xã Chư Krêy', R, 'Làng'),
      commune('23947', 'Xã An Trung', R, 'Làng'),
      commune('23950', 'Xã Kông Yang', R, 'Làng'),
      commune('23953', 'Xã Đăk Tơ Pang', R, 'Làng'),
      commune('23956', 'Xã SRó', R, 'Làng'),
      commune('23959', 'Xã Đắk Kơ Ning', R, 'Làng'),
      commune('23962', 'Xã Đăk Song', R, 'Làng'),
      commune('23965', 'Xã Đăk Pling', R, 'Làng'),
      commune('23968', 'Xã Yang Trung', R, 'Làng'),
      commune('23971', 'Xã Đăk Pơ Pho', R, 'Làng'),
      commune('23974', 'Xã Ya Ma', R, 'Làng'),
      commune('23977', 'Xã Chơ Long', R, 'Làng'),
      commune('23980', 'Xã Yang Nam', R, 'Làng'),
    ],
    after2025: [
      { code: '23983', name: 'Xã Kông Chro', takesOver: ['23941', '23947', '23950'] },
      { code: '23984', name: 'Xã Ya Ma', takesOver: ['23974', '23968', '23971'] },
      { code: '23985', name: 'Xã Chư Krey', takesOver: ['23944', '23953'] },
      { code: '23986', name: 'Xã SRó', takesOver: ['23956', '23959'] },
      { code: '23987', name: 'Xã Đăk Song', takesOver: ['23962', '23965'] },
      { code: '23988', name: 'Xã Chơ Long', takesOver: ['23977', '23980'] },
    ],
  },
  {
    code: '646',
    poorDistrict: true,
    name: 'Ea Súp',
    provinceCode: '66',
    communes: [
      commune('24305', 'Thị trấn Ea Súp', R, 'Thôn'),
      commune('24308', 'Xã Ia Lốp', R, 'Thôn'),
      commune('24309', 'Xã Ia JLơi', R, 'Thôn'),
      commune('24311', 'Xã Ea Rốk', R, 'Buôn'),
      commune('24312', 'Xã Ya Tờ Mốt', R, 'Thôn'),
      commune('24313', 'Xã Ia RVê', R, 'Thôn'),
      commune('24314', 'Xã Ea Lê', R, 'Thôn'),
      commune('24316', 'Xã Cư KBang', R, 'Buôn'),
      commune('24317', 'Xã Ea Bung', R, 'Thôn'),
      commune('24319', 'Xã Cư M’Lan', R, 'Buôn'),
    ],
    after2025: [
      { code: '24320', name: 'Xã Ea Súp', takesOver: ['24305', '24311', '24314'] },
      { code: '24321', name: 'Xã Ia Lốp', takesOver: ['24308', '24309'] },
      { code: '24322', name: 'Xã Ia Rvê', takesOver: ['24312', '24313'] },
      { code: '24323', name: 'Xã Ea Bung', takesOver: ['24316', '24317', '24319'] },
    ],
  },
  {
    code: '643',
    poorDistrict: false,
    name: 'Buôn Ma Thuột',
    provinceCode: '66',
    communes: [
      commune('24133', 'Phường Tân Lập', U, 'Tổ dân phố'),
      commune('24136', 'Phường Tân Hòa', U, 'Tổ dân phố'),
      commune('24139', 'Phường Tân An', U, 'Tổ dân phố'),
      commune('24142', 'Phường Thắng Lợi', U, 'Tổ dân phố'),
      commune('24145', 'Phường Thành Công', U, 'Tổ dân phố'),
      commune('24148', 'Phường Khánh Xuân', U, 'Tổ dân phố'),
      commune('24151', 'Xã Ea Tu', R, 'Buôn'),
      commune('24154', 'Xã Hòa Thắng', R, 'Thôn'),
    ],
    after2025: [
      { code: '24160', name: 'Phường Buôn Ma Thuột', takesOver: ['24133', '24136', '24142', '24145'] },
      { code: '24161', name: 'Phường Tân An', takesOver: ['24139', '24151'] },
      { code: '24162', name: 'Phường Ea Kao', takesOver: ['24148', '24154'] },
    ],
  },
  {
    code: '665',
    poorDistrict: false,
    name: 'Đắk Song',
    provinceCode: '67',
    communes: [
      commune('24676', 'Thị trấn Đức An', R, 'Tổ dân phố'),
      commune('24678', 'Xã Đắk Môl', R, 'Thôn'),
      commune('24679', 'Xã Đắk Hòa', R, 'Thôn'),
      commune('24681', 'Xã Nam Bình', R, 'Thôn'),
      commune('24682', 'Xã Thuận Hà', R, 'Thôn'),
      commune('24684', 'Xã Thuận Hạnh', R, 'Thôn'),
      commune('24685', 'Xã Đắk N’Drung', R, 'Bon'),
      commune('24687', 'Xã Nâm N’Jang', R, 'Bon'),
      commune('24688', 'Xã Trường Xuân', R, 'Thôn'),
    ],
    after2025: [
      { code: '24690', name: 'Xã Đức An', takesOver: ['24676', '24678', '24679'] },
      { code: '24691', name: 'Xã Thuận An', takesOver: ['24682', '24684', '24681'] },
      { code: '24692', name: 'Xã Đắk Song', takesOver: ['24685', '24687', '24688'] },
    ],
  },
  {
    code: '884',
    poorDistrict: false,
    name: 'Châu Đốc',
    provinceCode: '89',
    communes: [
      commune('30316', 'Phường Châu Phú A', U, 'Khóm'),
      commune('30319', 'Phường Châu Phú B', U, 'Khóm'),
      commune('30322', 'Phường Núi Sam', U, 'Khóm'),
      commune('30325', 'Phường Vĩnh Mỹ', U, 'Khóm'),
      commune('30328', 'Phường Vĩnh Nguơn', U, 'Khóm'),
      commune('30331', 'Xã Vĩnh Tế', R, 'Ấp'),
      commune('30334', 'Xã Vĩnh Châu', R, 'Ấp'),
    ],
    after2025: [
      { code: '30337', name: 'Phường Châu Đốc', takesOver: ['30316', '30319', '30325', '30334'] },
      { code: '30338', name: 'Phường Vĩnh Tế', takesOver: ['30322', '30328', '30331'] },
    ],
  },
];

/** Households reviewed and poor / near-poor counts per area and year; 2023 matches the seed reports. */
export interface ReviewPlan {
  districtCode: string;
  /** Registry code prefix. */
  prefix: string;
  years: Record<number, { total: number; poor: number; nearPoor: number }>;
}

export const REVIEW_PLANS: ReviewPlan[] = [
  {
    // 2023: 4,336 poor = 33.78 % of 12,836; 2022: 39.69 % (5.91 points higher).
    districtCode: '630',
    prefix: 'KC',
    years: {
      2021: { total: 12_450, poor: 5_812, nearPoor: 1_540 },
      2022: { total: 12_600, poor: 5_001, nearPoor: 1_610 },
      2023: { total: 12_836, poor: 4_336, nearPoor: 1_702 },
      2024: { total: 12_990, poor: 3_620, nearPoor: 1_650 },
    },
  },
  {
    // 2022: 34 poor, 334 near-poor; 2023: 0 poor, 142 near-poor = 0.49 %.
    districtCode: '884',
    prefix: 'CD',
    years: {
      2021: { total: 28_500, poor: 96, nearPoor: 512 },
      2022: { total: 28_760, poor: 34, nearPoor: 334 },
      2023: { total: 28_980, poor: 0, nearPoor: 142 },
      2024: { total: 29_150, poor: 0, nearPoor: 58 },
    },
  },
  {
    districtCode: '646',
    prefix: 'ES',
    years: {
      2021: { total: 16_100, poor: 5_150, nearPoor: 1_830 },
      2022: { total: 16_420, poor: 4_640, nearPoor: 1_910 },
      2023: { total: 16_780, poor: 4_020, nearPoor: 1_880 },
      2024: { total: 17_020, poor: 3_390, nearPoor: 1_790 },
    },
  },
  {
    // A sample of the city's households (one in five); reviews from 2017 so the 2018 target can be measured.
    districtCode: '643',
    prefix: 'BMT',
    years: {
      2017: { total: 2_280, poor: 84, nearPoor: 152 },
      2018: { total: 2_310, poor: 70, nearPoor: 138 },
      2021: { total: 2_360, poor: 62, nearPoor: 138 },
      2022: { total: 2_380, poor: 104, nearPoor: 164 },
      2023: { total: 2_400, poor: 76, nearPoor: 140 },
      2024: { total: 2_420, poor: 52, nearPoor: 122 },
    },
  },
  {
    // A sample of the district's households (one in three).
    districtCode: '665',
    prefix: 'DS',
    years: {
      2021: { total: 5_770, poor: 920, nearPoor: 473 },
      2022: { total: 5_850, poor: 993, nearPoor: 503 },
      2023: { total: 5_930, poor: 837, nearPoor: 487 },
      2024: { total: 6_010, poor: 683, nearPoor: 460 },
    },
  },
];

/** Reduction targets from the seed reports (a cut is a positive number). */
export const TARGETS: Array<{ unitCode: string; year: number; indicator: string; value: number; note: string }> = [
  { unitCode: '630', year: 2024, indicator: 'POVERTY_RATE_POINTS', value: 5.5, note: 'Nghị quyết HĐND huyện Kông Chro 2024' },
  { unitCode: '630', year: 2024, indicator: 'JOBS', value: 825, note: 'Giải quyết việc làm cho lao động nông thôn' },
  { unitCode: '630', year: 2024, indicator: 'TRAINED_LABOUR_SHARE', value: 49, note: 'Tỷ lệ lao động qua đào tạo' },
  { unitCode: '884', year: 2024, indicator: 'NEAR_POOR_HOUSEHOLDS', value: 142, note: 'Giảm 142 hộ cận nghèo' },
  { unitCode: '643', year: 2018, indicator: 'POOR_AND_NEAR_POOR_RATE_POINTS', value: 0.4, note: 'Chuẩn nghèo 2016–2020' },
  ...DISTRICTS.find((d) => d.code === '665')!.communes.map((c, i) => ({
    unitCode: c.code,
    year: 2024,
    indicator: 'POVERTY_RATE_POINTS',
    value: [2.5, 3, 2, 3.5, 2.5, 3, 4, 4.5, 2][i]!,
    note: 'Chỉ tiêu giảm nghèo giao cho xã năm 2024',
  })),
];
