import type { DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict, notFound } from '@povgraph/errors';
import { recordAudit } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { beforeRegistrationProblem, birthYearProblem, completionDateProblem, enrolmentDateProblem } from '../domain/courseRules';
import { nameKey } from '../domain/names';
import { Enrolment, TrainingCourse } from '../entities';
import type { EnrolTraineeInput, MutationRecordCompletionArgs } from '../generated/resolvers';
import { isUuid, requireText, todayInVietnam } from '../validation';
import type { Registry } from './Registry';
import { isUniqueViolation } from './uniqueViolation';

/** Trainees of courses: enrolment while seats are left, then completion and employment. */
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async enrol(context: BaseContext, input: EnrolTraineeInput): Promise<Enrolment> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'enrol trainees');
    const traineeName = requireText('input.traineeName', input.traineeName, 'The trainee’s name');
    const course = await this.courseOrFail(input.courseId);
    const dates = enrolmentDateProblem({ enrolledOn: input.enrolledOn, today: todayInVietnam(), courseEndsOn: course.endsOn });
    if (dates) throw badUserInput('input.enrolledOn', dates);
    const traineeBirthYear = input.traineeBirthYear ?? null;
    if (traineeBirthYear !== null) {
      const problem = birthYearProblem(traineeBirthYear, input.enrolledOn);
      if (problem) throw badUserInput('input.traineeBirthYear', problem);
    }
    const household = await this.registry.household(caller, input.householdId, 'input.householdId', context.requestId);
    const registration = beforeRegistrationProblem(input.enrolledOn, household.registeredOn, 'a trainee enrolled');
    if (registration) throw badUserInput('input.enrolledOn', registration);
    await this.registry.assertServes(caller, [course.communeCode], 'enrolling a trainee in a course', context.requestId);

    try {
      return await this.dataSource.transaction(async (manager) => {
        // The course row is the lock on its seats: a second clerk waits here, then counts this enrolment.
        const [locked] = await manager.query('SELECT capacity FROM training_courses WHERE id = $1 FOR UPDATE', [course.id]);
        const [{ enrolled }] = await manager.query('SELECT count(*)::int AS enrolled FROM enrolments WHERE course_id = $1', [course.id]);
        if (enrolled >= locked.capacity) {
          throw conflict(`Course “${course.name}” is full: all ${locked.capacity} seats are taken. Enrol the trainee in another course.`, { field: 'input.courseId' });
        }
        const enrolment = manager.create(Enrolment, {
          courseId: course.id,
          householdId: household.id,
          communeCode: household.communeCode,
          traineeName,
          traineeNameKey: nameKey(traineeName),
          traineeBirthYear,
          enrolledOn: input.enrolledOn,
          completed: false,
          completedOn: null,
          employedAfter: false,
        });
        const saved = await manager.save(enrolment);
        await recordAudit(manager, { caller, requestId: context.requestId, action: 'enrolTrainee', entityType: 'Enrolment', entityId: saved.id, before: null, after: saved });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'enrolments_course_trainee_key')) {
        throw conflict(`${traineeName} of this household is already enrolled in course “${course.name}”.`, { field: 'input.traineeName' });
      }
      throw error;
    }
  }

  /** Records (or corrects) completion and employment after the course. */
  async recordCompletion(context: BaseContext, { enrolmentId, completedOn, employedAfter }: MutationRecordCompletionArgs): Promise<Enrolment> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'record course completions');
    const enrolment = isUuid(enrolmentId) ? await this.dataSource.getRepository(Enrolment).findOneBy({ id: enrolmentId }) : null;
    if (!enrolment) throw notFound(`No enrolment has id ${enrolmentId}.`, { field: 'enrolmentId' });
    const course = await this.dataSource.getRepository(TrainingCourse).findOneByOrFail({ id: enrolment.courseId });
    const dates = completionDateProblem({ completedOn, today: todayInVietnam(), courseStartsOn: course.startsOn, enrolledOn: enrolment.enrolledOn });
    if (dates) throw badUserInput('completedOn', dates);
    await this.registry.assertServes(caller, [course.communeCode], 'recording a completion of a course', context.requestId);

    return this.dataSource.transaction(async (manager) => {
      const current = await manager.createQueryBuilder(Enrolment, 'e').setLock('pessimistic_write').where('e.id = :id', { id: enrolment.id }).getOneOrFail();
      const before = { ...current };
      Object.assign(current, { completed: true, completedOn, employedAfter });
      const saved = await manager.save(current);
      await recordAudit(manager, { caller, requestId: context.requestId, action: 'recordCompletion', entityType: 'Enrolment', entityId: saved.id, before, after: saved });
      return saved;
    });
  }

  private async courseOrFail(id: string): Promise<TrainingCourse> {
    const course = isUuid(id) ? await this.dataSource.getRepository(TrainingCourse).findOneBy({ id }) : null;
    if (!course) throw notFound(`No training course has id ${id}.`, { field: 'input.courseId' });
    return course;
  }
}
