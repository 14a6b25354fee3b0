import { AuditEntry } from '@povgraph/db';
import { HousingSupport } from './HousingSupport';
import { SupportRule } from './SupportRule';

export { HousingSupport, HousingKind, HousingSource, HousingStatus, HOUSING_SOURCES } from './HousingSupport';
export { SupportRule, PovertyStatus } from './SupportRule';

/** Every entity of this service, listed explicitly. */
export const entities = [HousingSupport, SupportRule, AuditEntry];
