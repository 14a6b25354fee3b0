import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput } from '@povgraph/errors';
import { recordAudit, type AuditGranularity } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { courseDatesProblem } from '../domain/courseRules';
import { TrainingCourse, type CourseKind } from '../entities';
import type { CreateTrainingCourseInput } from '../generated/resolvers';
import { requireCommuneCode, requireIntegerInRange, requireMoney, requireText, todayInVietnam } from '../validation';
import { chunks, fieldAt, itemOfBatch, type FieldOf } from './batch';
import type { Registry } from './Registry';

export const MAX_CAPACITY = 500;

/** Training courses (lớp đào tạo): opened by the training centre of the commune's area. */
export class CourseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async create(context: BaseContext, input: CreateTrainingCourseInput): Promise<TrainingCourse> {
    const [course] = await this.createMany(context, [input], () => 'input');
    return course!;
  }

  /**
   * Opens many courses: every item is checked by the rules of `createTrainingCourse`
   * (one registry request for all their communes), then all are written in one
   * transaction, or none when one item is refused (the error names `inputs.<i>.<field>`).
   */
  async createMany(context: BaseContext, inputs: readonly CreateTrainingCourseInput[], fieldOf: FieldOf = itemOfBatch, audit: AuditGranularity = 'each'): Promise<TrainingCourse[]> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'open training courses');
    const today = todayInVietnam();
    const courses = inputs.map((input, i) => this.check(input, fieldOf(i), today));
    await this.registry.requireCommunesOn(caller, courses.map((course, i) => ({ code: course.communeCode, on: course.startsOn, field: fieldAt(fieldOf(i), 'communeCode') })), context.requestId);
    await this.registry.assertServes(caller, courses.map((course) => course.communeCode), 'a course', context.requestId);
    return this.dataSource.transaction(async (manager) => {
      for (const chunk of chunks(courses)) {
        const column = <T>(pick: (course: TrainingCourse) => T) => chunk.map(pick);
        const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
          `INSERT INTO training_courses (id, name, occupation, kind, commune_code, provider, starts_on, ends_on, capacity, budget)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::int[], $10::bigint[])
           RETURNING id, created_at, updated_at`,
          [
            column((c) => c.id), column((c) => c.name), column((c) => c.occupation), column((c) => c.kind), column((c) => c.communeCode),
            column((c) => c.provider), column((c) => c.startsOn), column((c) => c.endsOn), column((c) => c.capacity), column((c) => String(c.budget)),
          ],
        );
        const stamps = new Map(rows.map((row) => [row.id, row]));
        for (const course of chunk) Object.assign(course, { createdAt: stamps.get(course.id)!.created_at, updatedAt: stamps.get(course.id)!.updated_at });
      }
      await recordAudit(
        manager,
        audit === 'each'
          ? courses.map((course) => ({ caller, requestId: context.requestId, action: 'createTrainingCourse', entityType: 'TrainingCourse', entityId: course.id, before: null, after: course }))
          : [{ caller, requestId: context.requestId, action: 'importTrainingCourses', entityType: 'TrainingCourse', entityId: '*', before: null, after: { count: courses.length, ids: courses.map((course) => course.id) } }],
      );
      return courses;
    });
  }

  private check(input: CreateTrainingCourseInput, field: string, today: string): TrainingCourse {
    const dates = courseDatesProblem(input.startsOn, input.endsOn, today);
    if (dates) throw badUserInput(fieldAt(field, dates.field), dates.message);
    return Object.assign(new TrainingCourse(), {
      id: randomUUID(),
      name: requireText(fieldAt(field, 'name'), input.name, 'The course name'),
      occupation: requireText(fieldAt(field, 'occupation'), input.occupation, 'The occupation taught'),
      kind: input.kind as CourseKind,
      communeCode: requireCommuneCode(fieldAt(field, 'communeCode'), input.communeCode, 'A course'),
      provider: requireText(fieldAt(field, 'provider'), input.provider, 'The training provider'),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      capacity: requireIntegerInRange(fieldAt(field, 'capacity'), input.capacity, 'The number of seats', 1, MAX_CAPACITY),
      budget: requireMoney(fieldAt(field, 'budget'), input.budget, 'The budget'),
    });
  }
}
