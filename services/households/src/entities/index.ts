import { AuditEntry } from '@povgraph/db';
import { AdminUnit } from './AdminUnit';
import { AdminUnitSuccession } from './AdminUnitSuccession';
import { Assessment } from './Assessment';
import { Household } from './Household';
import { PovertyStandard } from './PovertyStandard';
import { ReductionTarget } from './ReductionTarget';

export { AdminUnit, AdminLevel } from './AdminUnit';
export { AdminUnitSuccession } from './AdminUnitSuccession';
export { Assessment, PovertyStatus } from './Assessment';
export { Household, AreaType } from './Household';
export { PovertyStandard, type DeprivationIndicator, type IncomeLines } from './PovertyStandard';
export { ReductionTarget, TargetIndicator } from './ReductionTarget';

/** Every entity of this service, listed explicitly. */
export const entities = [AdminUnit, AdminUnitSuccession, Household, Assessment, PovertyStandard, ReductionTarget, AuditEntry];
