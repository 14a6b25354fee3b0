import { Initial1763942400000 } from './1763942400000-Initial';
import { SupportRules1763942400001 } from './1763942400001-SupportRules';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const migrations = [Initial1763942400000, SupportRules1763942400001];
