import { Initial1763942400000 } from './1763942400000-Initial';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const migrations = [Initial1763942400000];
