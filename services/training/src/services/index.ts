import type { DataSource } from 'typeorm';
import type { GraphClient } from '@povgraph/graph-client';
import { CourseQueryService } from './CourseQueryService';
import { CourseService } from './CourseService';
import { EnrolmentService } from './EnrolmentService';
import { JobFairService } from './JobFairService';
import { LabourExportService } from './LabourExportService';
import { Registry } from './Registry';
import { TrainingReportService } from './TrainingReportService';

/** The service layer: created once per process, stateless but for the area cache, shared by every request. */
export function createServices(dataSource: DataSource, graph: GraphClient) {
  const registry = new Registry(graph);
  return {
    courses: new CourseService(dataSource, registry),
    courseQueries: new CourseQueryService(dataSource),
    enrolments: new EnrolmentService(dataSource, registry),
    jobFairs: new JobFairService(dataSource, registry),
    labourExport: new LabourExportService(dataSource, registry),
    reports: new TrainingReportService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
