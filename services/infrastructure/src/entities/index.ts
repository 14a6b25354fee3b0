import { AuditEntry } from '@povgraph/db';
import { Disbursement } from './Disbursement';
import { InfrastructureProject } from './InfrastructureProject';
import { ProjectCommune } from './ProjectCommune';

export { InfrastructureProject, WorkCategory, WorkKind, WorkStatus } from './InfrastructureProject';
export { ProjectCommune } from './ProjectCommune';
export { Disbursement } from './Disbursement';

/** Every entity of this service, listed explicitly. */
export const entities = [InfrastructureProject, ProjectCommune, Disbursement, AuditEntry];
