/** The graph as the app sees it: one endpoint, the gateway's, on the app's own origin. */
export const GRAPHQL_PATH = '/graphql';
export const EXPORT_PATH = '/export.csv';

export interface GraphError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; serviceName?: string; field?: string; [key: string]: unknown };
}

/** A programme whose figures a view shows; each is one agency's subgraph. */
export type Programme = 'poverty' | 'credit' | 'housing' | 'training' | 'infrastructure';
const PROGRAMME_OF_SERVICE: Record<string, Programme> = { households: 'poverty', credit: 'credit', housing: 'housing', training: 'training', infrastructure: 'infrastructure' };
const PROGRAMME_FIELDS: Record<string, Programme> = {
  poverty: 'poverty',
  credit: 'credit',
  loans: 'credit',
  housing: 'housing',
  housingSupports: 'housing',
  training: 'training',
  enrolments: 'training',
  labourExport: 'training',
  infrastructure: 'infrastructure',
};

export interface GraphAnswer<T> {
  data: T | null;
  errors: GraphError[];
  /** Programmes whose figures are missing from `data` because their agency did not answer. */
  missing: Programme[];
}

/** Raised when the graph gives no usable answer at all (network, sign-in, bad request). */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Which programmes an answer lacks: an error on a path through a programme's
 * field (…report.credit), or one the gateway pins on a subgraph by name.
 */
export function missingProgrammes(errors: readonly GraphError[]): Programme[] {
  const missing = new Set<Programme>();
  for (const error of errors) {
    const service = error.extensions?.serviceName;
    if (service && PROGRAMME_OF_SERVICE[service]) missing.add(PROGRAMME_OF_SERVICE[service]!);
    for (const segment of error.path ?? []) {
      const programme = typeof segment === 'string' ? PROGRAMME_FIELDS[segment] : undefined;
      if (programme) missing.add(programme);
    }
  }
  return [...missing];
}

/** Sends one operation; partial answers (data with errors) are answers, not failures. */
export async function requestGraph<T>(query: string, variables: object, token: string, signal?: AbortSignal): Promise<GraphAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new GraphRequestError('The graph cannot be reached; check the connection and retry.', 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphError[] };
  try {
    body = await response.json();
  } catch {
    throw new GraphRequestError(`The graph answered HTTP ${response.status} without a GraphQL body.`, 'HTTP');
  }
  const errors = body.errors ?? [];
  if (body.data == null) {
    const first = errors[0];
    throw new GraphRequestError(first?.message ?? `The graph answered HTTP ${response.status}.`, first?.extensions?.code);
  }
  return { data: body.data, errors, missing: missingProgrammes(errors) };
}
