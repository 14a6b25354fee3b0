import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { Role, requireRole } from '@povgraph/auth';
import { badUserInput, conflict, notFound } from '@povgraph/errors';
import { recordAudit, type AuditGranularity } from '@povgraph/db';
import type { BaseContext } from '@povgraph/subgraph-kit';
import { beforeRegistrationProblem, birthYearProblem, completionDateProblem, enrolmentDateProblem } from '../domain/courseRules';
import { nameKey } from '../domain/names';
import { Enrolment, TrainingCourse } from '../entities';
import type { EnrolTraineeInput, MutationRecordCompletionArgs } from '../generated/resolvers';
import { isUuid, requireText, todayInVietnam } from '../validation';
import { chunks, fieldAt, itemOfBatch, type FieldOf } from './batch';
import type { Registry } from './Registry';
import { isUniqueViolation } from './uniqueViolation';

const TRAINEE_KEY = 'enrolments_course_trainee_key';

/** A completion to record: the arguments of `recordCompletion`. */
export type CompletionInput = MutationRecordCompletionArgs;

/** Trainees of courses: enrolment while seats are left, then completion and employment. */
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: Registry,
  ) {}

  async enrol(context: BaseContext, input: EnrolTraineeInput): Promise<Enrolment> {
    const [enrolment] = await this.enrolMany(context, [input], () => 'input');
    return enrolment!;
  }

  /**
   * Enrols many household members: each item is checked by the rules of
   * `enrolTrainee` (one SQL for the courses, one registry request per 1,000
   * households), then the seats of every course are counted under its lock and
   * all items are written in one transaction — or none, naming `inputs.<i>.<field>`.
   */
  async enrolMany(context: BaseContext, inputs: readonly EnrolTraineeInput[], fieldOf: FieldOf = itemOfBatch, audit: AuditGranularity = 'each'): Promise<Enrolment[]> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'enrol trainees');
    const names = inputs.map((input, i) => requireText(fieldAt(fieldOf(i), 'traineeName'), input.traineeName, 'The trainee’s name'));
    const courses = await this.coursesById(inputs.map((input) => input.courseId));
    const today = todayInVietnam();
    for (const [i, input] of inputs.entries()) {
      const course = courses.get(input.courseId);
      if (!course) throw notFound(`No training course has id ${input.courseId}.`, { field: fieldAt(fieldOf(i), 'courseId') });
      const dates = enrolmentDateProblem({ enrolledOn: input.enrolledOn, today, courseEndsOn: course.endsOn });
      if (dates) throw badUserInput(fieldAt(fieldOf(i), 'enrolledOn'), dates);
      if (input.traineeBirthYear != null) {
        const problem = birthYearProblem(input.traineeBirthYear, input.enrolledOn);
        if (problem) throw badUserInput(fieldAt(fieldOf(i), 'traineeBirthYear'), problem);
      }
    }
    const households = await this.registry.households(caller, inputs.map((input, i) => ({ id: input.householdId, field: fieldAt(fieldOf(i), 'householdId') })), context.requestId);
    for (const [i, input] of inputs.entries()) {
      const registration = beforeRegistrationProblem(input.enrolledOn, households.get(input.householdId)!.registeredOn, 'a trainee enrolled');
      if (registration) throw badUserInput(fieldAt(fieldOf(i), 'enrolledOn'), registration);
    }
    await this.registry.assertServes(caller, [...courses.values()].map((course) => course.communeCode), 'enrolling a trainee in a course', context.requestId);

    const enrolments = inputs.map((input, i) =>
      Object.assign(new Enrolment(), {
        id: randomUUID(),
        courseId: input.courseId,
        householdId: input.householdId,
        communeCode: households.get(input.householdId)!.communeCode,
        traineeName: names[i]!,
        traineeNameKey: nameKey(names[i]!),
        traineeBirthYear: input.traineeBirthYear ?? null,
        enrolledOn: input.enrolledOn,
        completed: false,
        completedOn: null,
        employedAfter: false,
      }),
    );
    const duplicate = (i: number) => {
      const course = courses.get(inputs[i]!.courseId)!;
      return conflict(`${names[i]} of this household is already enrolled in course “${course.name}”.`, { field: fieldAt(fieldOf(i), 'traineeName') });
    };
    const traineeKey = (e: { courseId: string; householdId: string; traineeNameKey: string }) => `${e.courseId}|${e.householdId}|${e.traineeNameKey}`;
    const seen = new Set<string>();
    for (const [i, enrolment] of enrolments.entries()) {
      if (seen.has(traineeKey(enrolment))) throw duplicate(i);
      seen.add(traineeKey(enrolment));
    }

    try {
      return await this.dataSource.transaction(async (manager) => {
        // The course rows are the locks on their seats (taken in id order, so two batches
        // cannot deadlock): another clerk waits here, then counts these enrolments.
        const courseIds = [...new Set(inputs.map((input) => input.courseId))].sort();
        const locked: Array<{ id: string; capacity: number }> = await manager.query('SELECT id, capacity FROM training_courses WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [courseIds]);
        // Counted after the lock is held, in a statement of its own: it sees what the clerk before committed.
        const counts: Array<{ course_id: string; enrolled: number }> = await manager.query(
          'SELECT course_id, count(*)::int AS enrolled FROM enrolments WHERE course_id = ANY($1::uuid[]) GROUP BY course_id',
          [courseIds],
        );
        const enrolled = new Map(counts.map((row) => [row.course_id, row.enrolled]));
        const seats = new Map(locked.map((row) => [row.id, { capacity: row.capacity, taken: enrolled.get(row.id) ?? 0 }]));
        for (const [i, enrolment] of enrolments.entries()) {
          const course = seats.get(enrolment.courseId)!;
          if (course.taken >= course.capacity) {
            throw conflict(`Course “${courses.get(enrolment.courseId)!.name}” is full: all ${course.capacity} seats are taken. Enrol the trainee in another course.`, { field: fieldAt(fieldOf(i), 'courseId') });
          }
          course.taken += 1;
        }
        const existing: Array<{ course_id: string; household_id: string; trainee_name_key: string }> = await manager.query(
          `SELECT e.course_id, e.household_id, e.trainee_name_key
           FROM enrolments e JOIN unnest($1::uuid[], $2::uuid[], $3::text[]) AS k(course_id, household_id, trainee_name_key)
             ON e.course_id = k.course_id AND e.household_id = k.household_id AND e.trainee_name_key = k.trainee_name_key`,
          [enrolments.map((e) => e.courseId), enrolments.map((e) => e.householdId), enrolments.map((e) => e.traineeNameKey)],
        );
        const taken = new Set(existing.map((row) => traineeKey({ courseId: row.course_id, householdId: row.household_id, traineeNameKey: row.trainee_name_key })));
        const already = enrolments.findIndex((enrolment) => taken.has(traineeKey(enrolment)));
        if (already >= 0) throw duplicate(already);

        for (const chunk of chunks(enrolments)) {
          const column = <T>(pick: (enrolment: Enrolment) => T) => chunk.map(pick);
          const rows: Array<{ id: string; created_at: Date; updated_at: Date }> = await manager.query(
            `INSERT INTO enrolments (id, course_id, household_id, commune_code, trainee_name, trainee_name_key, trainee_birth_year, enrolled_on)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::int[], $8::date[])
             RETURNING id, created_at, updated_at`,
            [
              column((e) => e.id), column((e) => e.courseId), column((e) => e.householdId), column((e) => e.communeCode),
              column((e) => e.traineeName), column((e) => e.traineeNameKey), column((e) => e.traineeBirthYear), column((e) => e.enrolledOn),
            ],
          );
          const stamps = new Map(rows.map((row) => [row.id, row]));
          for (const enrolment of chunk) Object.assign(enrolment, { createdAt: stamps.get(enrolment.id)!.created_at, updatedAt: stamps.get(enrolment.id)!.updated_at });
        }
        await recordAudit(
          manager,
          audit === 'each'
            ? enrolments.map((enrolment) => ({ caller, requestId: context.requestId, action: 'enrolTrainee', entityType: 'Enrolment', entityId: enrolment.id, before: null, after: enrolment }))
            : [{ caller, requestId: context.requestId, action: 'importEnrolments', entityType: 'Enrolment', entityId: '*', before: null, after: { count: enrolments.length, ids: enrolments.map((e) => e.id) } }],
        );
        return enrolments;
      });
    } catch (error) {
      // Another clerk enrolled the same member between the check and the insert.
      if (isUniqueViolation(error, TRAINEE_KEY)) throw conflict('A trainee of this request was enrolled in the same course meanwhile by someone else; reload and try again.', { field: fieldAt(fieldOf(0), 'traineeName') });
      throw error;
    }
  }

  /** Records (or corrects) completion and employment after the course. */
  async recordCompletion(context: BaseContext, args: CompletionInput): Promise<Enrolment> {
    const [enrolment] = await this.recordCompletions(context, [args], () => '');
    return enrolment!;
  }

  /**
   * Records (or corrects) many completions by the rules of `recordCompletion`:
   * one SQL for the enrolments and one for their courses, then one transaction
   * that locks the enrolments and updates them in one statement.
   */
  async recordCompletions(context: BaseContext, inputs: readonly CompletionInput[], fieldOf: FieldOf = itemOfBatch, audit: AuditGranularity = 'each'): Promise<Enrolment[]> {
    const caller = requireRole(context.caller, [Role.TRAINING_CENTRE], 'record course completions');
    const ids = inputs.map((input) => input.enrolmentId);
    const valid = [...new Set(ids.filter(isUuid))];
    const found = valid.length ? await this.dataSource.getRepository(Enrolment).findBy({ id: In(valid) }) : [];
    const enrolments = new Map(found.map((enrolment) => [enrolment.id, enrolment]));
    const courses = await this.coursesById(found.map((enrolment) => enrolment.courseId));
    const today = todayInVietnam();
    const seen = new Set<string>();
    for (const [i, { enrolmentId, completedOn }] of inputs.entries()) {
      const enrolment = enrolments.get(enrolmentId);
      if (!enrolment) throw notFound(`No enrolment has id ${enrolmentId}.`, { field: fieldAt(fieldOf(i), 'enrolmentId') });
      if (seen.has(enrolmentId)) throw badUserInput(fieldAt(fieldOf(i), 'enrolmentId'), `Enrolment ${enrolmentId} is listed twice; give each completion once.`);
      seen.add(enrolmentId);
      const course = courses.get(enrolment.courseId)!;
      const dates = completionDateProblem({ completedOn, today, courseStartsOn: course.startsOn, enrolledOn: enrolment.enrolledOn });
      if (dates) throw badUserInput(fieldAt(fieldOf(i), 'completedOn'), dates);
    }
    await this.registry.assertServes(caller, [...courses.values()].map((course) => course.communeCode), 'recording a completion of a course', context.requestId);

    return this.dataSource.transaction(async (manager) => {
      // A clerk's correction is audited against the row as it is under the lock; an import against what was read.
      const current =
        audit === 'each' ? await manager.createQueryBuilder(Enrolment, 'e').setLock('pessimistic_write').where('e.id IN (:...ids)', { ids: [...seen] }).orderBy('e.id').getMany() : found;
      const before = new Map(current.map((enrolment) => [enrolment.id, enrolment]));
      const stamps = new Map<string, Date>();
      for (const chunk of chunks(inputs)) {
        const rows: Array<{ id: string; updated_at: Date }> = await manager.query(
          `UPDATE enrolments e SET completed = true, completed_on = k.completed_on, employed_after = k.employed_after, updated_at = now()
           FROM unnest($1::uuid[], $2::date[], $3::boolean[]) AS k(id, completed_on, employed_after) WHERE e.id = k.id
           RETURNING e.id, e.updated_at`,
          [chunk.map((c) => c.enrolmentId), chunk.map((c) => c.completedOn), chunk.map((c) => c.employedAfter)],
        );
        for (const row of rows) stamps.set(row.id, row.updated_at);
      }
      const after = inputs.map(({ enrolmentId, completedOn, employedAfter }) =>
        Object.assign(new Enrolment(), before.get(enrolmentId)!, { completed: true, completedOn, employedAfter, updatedAt: stamps.get(enrolmentId)! }),
      );
      await recordAudit(
        manager,
        audit === 'each'
          ? after.map((enrolment) => ({ caller, requestId: context.requestId, action: 'recordCompletion', entityType: 'Enrolment', entityId: enrolment.id, before: before.get(enrolment.id)!, after: enrolment }))
          : [{ caller, requestId: context.requestId, action: 'importCompletions', entityType: 'Enrolment', entityId: '*', before: null, after: { count: inputs.length, employedAfter: inputs.filter((c) => c.employedAfter).length } }],
      );
      return after;
    });
  }

  /** Courses by id in one SQL statement; ids that are not UUIDs match nothing. */
  private async coursesById(ids: readonly string[]): Promise<Map<string, TrainingCourse>> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await this.dataSource.getRepository(TrainingCourse).findBy({ id: In(valid) }) : [];
    return new Map(rows.map((course) => [course.id, course]));
  }
}
