import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@povgraph/errors';

/** GSO codes: province 2 digits, district 3, commune 5. */
export function isAdminCode(value: unknown): value is string {
  return typeof value === 'string' && /^(\d{2}|\d{3}|\d{5})$/.test(value);
}

function toAdminCode(value: unknown): string {
  if (!isAdminCode(value)) {
    throw badUserInput('', `An administrative unit code is 2 digits (province), 3 (district) or 5 (commune), as a string; got ${JSON.stringify(value)}.`);
  }
  return value;
}

export const AdminCodeScalar = new GraphQLScalarType<string, string>({
  name: 'AdminCode',
  description: 'A GSO administrative unit code: 2 digits (province), 3 (district) or 5 (commune).',
  serialize: toAdminCode,
  parseValue: toAdminCode,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('', 'An administrative unit code must be a quoted string such as "630".');
    return toAdminCode(ast.value);
  },
});
