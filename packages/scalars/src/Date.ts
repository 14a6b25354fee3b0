import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@povgraph/errors';

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function toDate(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (!isIsoDate(value)) throw badUserInput('', `A date must be a real calendar date written YYYY-MM-DD; got ${JSON.stringify(value)}.`);
  return value;
}

/** A calendar date without time zone, kept as its YYYY-MM-DD text end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: toDate,
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('', 'A date must be a string written YYYY-MM-DD.');
    return toDate(ast.value);
  },
});
