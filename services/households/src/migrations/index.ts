import { Initial1763769600000 } from './1763769600000-Initial';
import { PovertyStandards1763769600001 } from './1763769600001-PovertyStandards';
import { PoorDistricts1763856000000 } from './1763856000000-PoorDistricts';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const migrations = [Initial1763769600000, PovertyStandards1763769600001, PoorDistricts1763856000000];
