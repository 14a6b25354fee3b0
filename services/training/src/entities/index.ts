import { AuditEntry } from '@povgraph/db';
import { Enrolment } from './Enrolment';
import { JobFair } from './JobFair';
import { LabourExportSupport } from './LabourExportSupport';
import { TrainingCourse } from './TrainingCourse';

export { Enrolment } from './Enrolment';
export { JobFair } from './JobFair';
export { LabourExportSupport } from './LabourExportSupport';
export { TrainingCourse, CourseKind } from './TrainingCourse';

/** Every entity of this service, listed explicitly. */
export const entities = [TrainingCourse, Enrolment, JobFair, LabourExportSupport, AuditEntry];
