import { Initial1764115200000 } from './1764115200000-Initial';

/** Applied in this order; never edit one that has shipped, add a new one. */
export const migrations = [Initial1764115200000];
