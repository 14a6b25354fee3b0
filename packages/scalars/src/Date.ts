import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@povgraph/errors';

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE_SHAPE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A date from a client: checked to be a real calendar day. */
function toDate(value: unknown): string {
  if (!isIsoDate(value)) throw badUserInput('', `A date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}.`);
  return value;
}

/**
 * A date on its way out: the services hold dates as the YYYY-MM-DD text the
 * database gave (a real day already), so only the shape is checked — this runs
 * on every date of every row a list returns.
 */
function serializeDate(value: unknown): string {
  if (typeof value === 'string' && ISO_DATE_SHAPE.test(value)) return value;
  throw new TypeError(`Date cannot represent ${JSON.stringify(value)}: a service must answer YYYY-MM-DD text.`);
}

/** A calendar date without time zone, kept as its YYYY-MM-DD text end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: serializeDate,
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('', 'A date must be a string written YYYY-MM-DD.');
    return toDate(ast.value);
  },
});
