import { Role, type Caller } from '@povgraph/auth';

/** Who the demo data is written as: an ADMIN, so every service's own rules still run but no area limits apply. */
export const SEED_CALLER: Caller = { subject: 'demo-seed', role: Role.ADMIN, agency: 'povgraph demo data', area: null };
