import { types, type CustomTypesConfig } from 'pg';

type TypeId = Parameters<typeof types.getTypeParser>[0];

/** PostgreSQL type oids (pg_type.oid) whose parsing povgraph overrides. */
const DATE = 1082;
const DATE_ARRAY = 1182;
const TEXT_ARRAY = 1009 as TypeId;

/**
 * How `pg` turns column text into JS values for povgraph's connections.
 *
 * A `date` stays its `YYYY-MM-DD` text, as the Date scalar carries it end to end.
 * `pg`'s default turns it into a JS Date at local midnight, which TypeORM then
 * formats back to text: twice the work on every row, and a raw query's date
 * read as UTC would land on the previous day east of Greenwich (Vietnam is UTC+7).
 * Everything else keeps `pg`'s parsers (bigint money stays text until moneyColumn
 * converts it exactly).
 */
export const POVGRAPH_TYPE_PARSERS: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE && format !== 'binary') return (value: string) => value;
    if (oid === DATE_ARRAY) return types.getTypeParser(TEXT_ARRAY, format ?? 'text');
    return types.getTypeParser(oid as TypeId, format ?? 'text');
  }) as CustomTypesConfig['getTypeParser'],
};
