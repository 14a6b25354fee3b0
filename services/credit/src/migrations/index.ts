import { Initial1763942400000 } from './1763942400000-Initial';
import { ProgrammeRules1763942400001 } from './1763942400001-ProgrammeRules';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const migrations = [Initial1763942400000, ProgrammeRules1763942400001];
