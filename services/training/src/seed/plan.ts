/**
 * The Dự án 4 figures the demo dataset reproduces, per district and year, as
 * `AdminUnit.training(year)` answers them. Ea Súp 2023 is the district's 2023
 * year-end report (DESIGN.md §5: 9 vocational classes; 15 agricultural-extension
 * classes with 477 participants; 10 job fairs with 858 participants; 864 million
 * đồng for workers going abroad). Kông Chro 2024 meets its target of jobs for 825
 * rural workers (§5) with 861. Every other figure is invented, sized to the
 * district's poor and near-poor households in the registry's demo (Buôn Ma Thuột
 * and Đắk Song: the registry holds a sample of one in five and one in three).
 */
export interface TrainingYearPlan {
  /** Lớp dạy nghề, and their trainees. */
  vocationalCourses: number;
  vocationalTrainees: number;
  /** Lớp khuyến nông, and their participants. */
  agriculturalExtensionCourses: number;
  agriculturalExtensionTrainees: number;
  /** Kinh phí đào tạo of the year's courses, whole đồng. */
  courseBudget: number;
  /** Trainees of the year's courses who completed them (of both kinds). */
  completed: number;
  /** Of those, trainees with a job after the training. */
  employedAfter: number;
  /** Phiên giao dịch việc làm, their participants and the people hired there. */
  jobFairs: number;
  jobFairParticipants: number;
  jobFairHires: number;
  /** Workers supported who left to work abroad, and the support paid them (đồng). */
  labourExportWorkers: number;
  labourExportSupport: number;
}

export interface DistrictTrainingPlan {
  districtCode: string;
  /** Province whose employment service centre organises the job fairs. */
  provinceName: string;
  /** Name of the district or city as it appears in providers' names, e.g. "huyện Kông Chro". */
  localName: string;
  /** Occupations that fit the place (nghề đào tạo / nội dung khuyến nông). */
  vocational: readonly string[];
  extension: readonly string[];
  years: Record<number, TrainingYearPlan>;
}

export const YEARS = [2021, 2022, 2023, 2024] as const;

/**
 * Trainees of year Y come from the poor and near-poor households of the review of
 * Y − 1 (what a date from January to September of Y sees as their status); 2021
 * has no earlier review in the demo, so its trainees come from the 2021 review.
 */
export const poolReviewYear = (year: number): number => Math.max(2021, year - 1);

const M = 1_000_000;

const plan = (p: Omit<TrainingYearPlan, 'courseBudget' | 'labourExportSupport'> & { courseBudgetMillions: number; labourExportSupportMillions: number }): TrainingYearPlan => {
  const { courseBudgetMillions, labourExportSupportMillions, ...counts } = p;
  return { ...counts, courseBudget: courseBudgetMillions * M, labourExportSupport: labourExportSupportMillions * M };
};

const HIGHLAND_VOCATIONAL = ['May công nghiệp', 'Sửa chữa máy nông nghiệp', 'Kỹ thuật xây dựng', 'Điện dân dụng', 'Dệt thổ cẩm', 'Đan lát thủ công mỹ nghệ', 'Sửa chữa xe máy'];
const HIGHLAND_EXTENSION = ['Kỹ thuật trồng cà phê', 'Nuôi bò sinh sản', 'Trồng và chăm sóc cây mì', 'Chăn nuôi heo', 'Trồng lúa nước', 'Trồng và chăm sóc hồ tiêu', 'Nuôi gà thả vườn', 'Trồng điều'];

export const TRAINING_PLANS: DistrictTrainingPlan[] = [
  {
    // Kông Chro: a poor district of Gia Lai (4,336 poor households in 2023). 2024 jobs: 312 + 521 + 28 = 861 ≥ 825.
    districtCode: '630',
    provinceName: 'Gia Lai',
    localName: 'huyện Kông Chro',
    vocational: HIGHLAND_VOCATIONAL,
    extension: HIGHLAND_EXTENSION,
    years: {
      2021: plan({ vocationalCourses: 8, vocationalTrainees: 220, agriculturalExtensionCourses: 10, agriculturalExtensionTrainees: 300, courseBudgetMillions: 1_480, completed: 490, employedAfter: 180, jobFairs: 6, jobFairParticipants: 540, jobFairHires: 160, labourExportWorkers: 10, labourExportSupportMillions: 700 }),
      2022: plan({ vocationalCourses: 9, vocationalTrainees: 250, agriculturalExtensionCourses: 12, agriculturalExtensionTrainees: 360, courseBudgetMillions: 1_720, completed: 575, employedAfter: 215, jobFairs: 8, jobFairParticipants: 720, jobFairHires: 230, labourExportWorkers: 15, labourExportSupportMillions: 1_050 }),
      2023: plan({ vocationalCourses: 11, vocationalTrainees: 320, agriculturalExtensionCourses: 13, agriculturalExtensionTrainees: 410, courseBudgetMillions: 2_150, completed: 690, employedAfter: 262, jobFairs: 10, jobFairParticipants: 960, jobFairHires: 380, labourExportWorkers: 20, labourExportSupportMillions: 1_440 }),
      2024: plan({ vocationalCourses: 12, vocationalTrainees: 360, agriculturalExtensionCourses: 14, agriculturalExtensionTrainees: 455, courseBudgetMillions: 2_480, completed: 780, employedAfter: 312, jobFairs: 12, jobFairParticipants: 1_240, jobFairHires: 521, labourExportWorkers: 28, labourExportSupportMillions: 2_016 }),
    },
  },
  {
    // Ea Súp: a poor district of Đắk Lắk; 2023 is the year-end report of DESIGN.md §5 (864M = 12 workers).
    districtCode: '646',
    provinceName: 'Đắk Lắk',
    localName: 'huyện Ea Súp',
    vocational: HIGHLAND_VOCATIONAL,
    extension: HIGHLAND_EXTENSION,
    years: {
      2021: plan({ vocationalCourses: 7, vocationalTrainees: 196, agriculturalExtensionCourses: 12, agriculturalExtensionTrainees: 380, courseBudgetMillions: 1_350, completed: 550, employedAfter: 170, jobFairs: 8, jobFairParticipants: 690, jobFairHires: 175, labourExportWorkers: 8, labourExportSupportMillions: 576 }),
      2022: plan({ vocationalCourses: 8, vocationalTrainees: 224, agriculturalExtensionCourses: 14, agriculturalExtensionTrainees: 441, courseBudgetMillions: 1_560, completed: 630, employedAfter: 195, jobFairs: 9, jobFairParticipants: 780, jobFairHires: 198, labourExportWorkers: 10, labourExportSupportMillions: 720 }),
      2023: plan({ vocationalCourses: 9, vocationalTrainees: 252, agriculturalExtensionCourses: 15, agriculturalExtensionTrainees: 477, courseBudgetMillions: 1_760, completed: 701, employedAfter: 214, jobFairs: 10, jobFairParticipants: 858, jobFairHires: 236, labourExportWorkers: 12, labourExportSupportMillions: 864 }),
      2024: plan({ vocationalCourses: 10, vocationalTrainees: 285, agriculturalExtensionCourses: 15, agriculturalExtensionTrainees: 470, courseBudgetMillions: 1_900, completed: 722, employedAfter: 240, jobFairs: 11, jobFairParticipants: 930, jobFairHires: 262, labourExportWorkers: 14, labourExportSupportMillions: 1_008 }),
    },
  },
  {
    // Buôn Ma Thuột: a city; few poor households (a one-in-five sample), trades rather than farming, large fairs.
    districtCode: '643',
    provinceName: 'Đắk Lắk',
    localName: 'thành phố Buôn Ma Thuột',
    vocational: ['May công nghiệp', 'Sửa chữa xe máy', 'Chế biến món ăn', 'Kỹ thuật pha chế đồ uống', 'Điện dân dụng'],
    extension: ['Kỹ thuật trồng cà phê', 'Trồng rau an toàn', 'Trồng và chăm sóc sầu riêng'],
    years: {
      2021: plan({ vocationalCourses: 2, vocationalTrainees: 50, agriculturalExtensionCourses: 1, agriculturalExtensionTrainees: 25, courseBudgetMillions: 230, completed: 72, employedAfter: 40, jobFairs: 4, jobFairParticipants: 620, jobFairHires: 210, labourExportWorkers: 2, labourExportSupportMillions: 140 }),
      2022: plan({ vocationalCourses: 2, vocationalTrainees: 52, agriculturalExtensionCourses: 1, agriculturalExtensionTrainees: 28, courseBudgetMillions: 240, completed: 76, employedAfter: 44, jobFairs: 5, jobFairParticipants: 760, jobFairHires: 260, labourExportWorkers: 3, labourExportSupportMillions: 210 }),
      2023: plan({ vocationalCourses: 3, vocationalTrainees: 75, agriculturalExtensionCourses: 1, agriculturalExtensionTrainees: 26, courseBudgetMillions: 320, completed: 97, employedAfter: 58, jobFairs: 5, jobFairParticipants: 800, jobFairHires: 275, labourExportWorkers: 3, labourExportSupportMillions: 216 }),
      2024: plan({ vocationalCourses: 3, vocationalTrainees: 78, agriculturalExtensionCourses: 1, agriculturalExtensionTrainees: 24, courseBudgetMillions: 330, completed: 98, employedAfter: 60, jobFairs: 6, jobFairParticipants: 910, jobFairHires: 310, labourExportWorkers: 4, labourExportSupportMillions: 288 }),
    },
  },
  {
    // Đắk Song: coffee and pepper country of Đắk Nông (a one-in-three sample of households).
    districtCode: '665',
    provinceName: 'Đắk Nông',
    localName: 'huyện Đắk Song',
    vocational: HIGHLAND_VOCATIONAL,
    extension: HIGHLAND_EXTENSION,
    years: {
      2021: plan({ vocationalCourses: 3, vocationalTrainees: 84, agriculturalExtensionCourses: 5, agriculturalExtensionTrainees: 150, courseBudgetMillions: 540, completed: 222, employedAfter: 70, jobFairs: 3, jobFairParticipants: 260, jobFairHires: 72, labourExportWorkers: 4, labourExportSupportMillions: 280 }),
      2022: plan({ vocationalCourses: 3, vocationalTrainees: 87, agriculturalExtensionCourses: 6, agriculturalExtensionTrainees: 174, courseBudgetMillions: 600, completed: 248, employedAfter: 80, jobFairs: 4, jobFairParticipants: 330, jobFairHires: 90, labourExportWorkers: 5, labourExportSupportMillions: 350 }),
      2023: plan({ vocationalCourses: 4, vocationalTrainees: 110, agriculturalExtensionCourses: 6, agriculturalExtensionTrainees: 180, courseBudgetMillions: 700, completed: 276, employedAfter: 95, jobFairs: 4, jobFairParticipants: 350, jobFairHires: 96, labourExportWorkers: 6, labourExportSupportMillions: 420 }),
      2024: plan({ vocationalCourses: 4, vocationalTrainees: 112, agriculturalExtensionCourses: 5, agriculturalExtensionTrainees: 150, courseBudgetMillions: 650, completed: 250, employedAfter: 90, jobFairs: 4, jobFairParticipants: 340, jobFairHires: 98, labourExportWorkers: 6, labourExportSupportMillions: 432 }),
    },
  },
  {
    // Châu Đốc: a city of An Giang with almost no poor households left (2023: 0 poor, 142 near-poor).
    districtCode: '884',
    provinceName: 'An Giang',
    localName: 'thành phố Châu Đốc',
    vocational: ['May công nghiệp', 'Sửa chữa xe máy', 'Chế biến món ăn', 'Kỹ thuật chế biến khô cá', 'Điện dân dụng'],
    extension: ['Nuôi cá nước ngọt', 'Trồng lúa nước', 'Trồng rau an toàn', 'Nuôi bò sinh sản'],
    years: {
      2021: plan({ vocationalCourses: 3, vocationalTrainees: 75, agriculturalExtensionCourses: 2, agriculturalExtensionTrainees: 50, courseBudgetMillions: 330, completed: 120, employedAfter: 70, jobFairs: 5, jobFairParticipants: 700, jobFairHires: 240, labourExportWorkers: 3, labourExportSupportMillions: 210 }),
      2022: plan({ vocationalCourses: 3, vocationalTrainees: 72, agriculturalExtensionCourses: 2, agriculturalExtensionTrainees: 48, courseBudgetMillions: 320, completed: 114, employedAfter: 68, jobFairs: 5, jobFairParticipants: 720, jobFairHires: 250, labourExportWorkers: 3, labourExportSupportMillions: 216 }),
      2023: plan({ vocationalCourses: 2, vocationalTrainees: 50, agriculturalExtensionCourses: 2, agriculturalExtensionTrainees: 46, courseBudgetMillions: 250, completed: 92, employedAfter: 55, jobFairs: 6, jobFairParticipants: 780, jobFairHires: 270, labourExportWorkers: 2, labourExportSupportMillions: 144 }),
      2024: plan({ vocationalCourses: 1, vocationalTrainees: 24, agriculturalExtensionCourses: 1, agriculturalExtensionTrainees: 22, courseBudgetMillions: 120, completed: 44, employedAfter: 27, jobFairs: 6, jobFairParticipants: 800, jobFairHires: 280, labourExportWorkers: 1, labourExportSupportMillions: 72 }),
    },
  },
];

/** employedAfter + jobFairHires + labourExportWorkers: what `TrainingReport.jobs` answers for the plan. */
export const plannedJobs = (year: TrainingYearPlan): number => year.employedAfter + year.jobFairHires + year.labourExportWorkers;
