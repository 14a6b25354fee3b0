import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@povgraph/errors';

function toVnd(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw badUserInput('', `A VND amount must be a whole number of đồng, at least 0 and at most ${Number.MAX_SAFE_INTEGER}; got ${JSON.stringify(value)}.`);
  }
  return value;
}

/**
 * Money as a JSON number of whole đồng. GraphQL `Int` is 32-bit (max ≈ 2.1 billion đồng),
 * far too small for district balances, so amounts travel as safe integers instead.
 */
export const VNDScalar = new GraphQLScalarType<number, number>({
  name: 'VND',
  description: 'Money: a whole number of đồng (VND), at least 0.',
  serialize: (value) => toVnd(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
  parseValue: toVnd,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw badUserInput('', 'A VND amount must be a whole number of đồng, written without quotes or decimals.');
    return toVnd(Number(ast.value));
  },
});
