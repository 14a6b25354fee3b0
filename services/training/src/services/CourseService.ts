import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { courseDatesProblem } from '../domain/courseRules';
import { TrainingCourse, type CourseKind } from '../entities';
import type { CreateTrainingCourseInput } from '../generated/resolvers';
import { requireCommuneCode, requireIntegerInRange, requireMoney, requireText, todayInVietnam } from '../validation';
import type { Registry } from './Registry';

export const MAX_CAPACITY = 500;

/** Training courses (lớp đào tạo): opened by the training centre of the commune's area. */
export class CourseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async create(context: BaseContext, input: CreateTrainingCourseInput): Promise<TrainingCourse> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'open training courses');
    const course = this.check(input);
    await this.registry.requireCommuneOn(caller, course.communeCode, course.startsOn, 'input.communeCode', context.requestId);
    await this.registry.assertServes(caller, [course.communeCode], 'a course', context.requestId);
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(course);
      await recordAudit(manager, { caller, requestId: context.requestId, action: 'createTrainingCourse', entityType: 'TrainingCourse', entityId: saved.id, before: null, after: saved });
      return saved;
    });
  }

  private check(input: CreateTrainingCourseInput): TrainingCourse {
    const dates = courseDatesProblem(input.startsOn, input.endsOn, todayInVietnam());
    if (dates) throw badUserInput(`input.${dates.field}`, dates.message);
    return this.dataSource.getRepository(TrainingCourse).create({
      name: requireText('input.name', input.name, 'The course name'),
      occupation: requireText('input.occupation', input.occupation, 'The occupation taught'),
      kind: input.kind as CourseKind,
      communeCode: requireCommuneCode('input.communeCode', input.communeCode, 'A course'),
      provider: requireText('input.provider', input.provider, 'The training provider'),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      capacity: requireIntegerInRange('input.capacity', input.capacity, 'The number of seats', 1, MAX_CAPACITY),
      budget: requireMoney('input.budget', input.budget, 'The budget'),
    });
  }
}
