import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Kind, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { Role, signUserToken } from '@povgraph/auth';
import { csvHeader, csvRows, describeError, exportOperation, exportPages, GraphQLResultError, MAX_EXPORT_ROWS, type GraphQLResult } from '@povgraph/csv';
import { progressBar } from '@povgraph/subgraph-kit';
import { runCli } from './cli';
import { jwtSecret } from './devSecrets';

const DEFAULT_GATEWAY = 'http://127.0.0.1:4000/graphql';

const USAGE = `Exports the answer to a saved query as CSV (UTF-8 with BOM: opens in Excel with Vietnamese intact),
following every page of a paginated list (at most ${MAX_EXPORT_ROWS.toLocaleString('en')} rows).

  pnpm -s export <file.graphql> [--var name=value …] [--variables '<json>'] [--out file.csv]
                 [--operation NAME] [--gateway URL] [--token JWT]

  --var        a variable of the operation, e.g. --var code=630 --var year=2023 (Int, Float and
               VND become numbers, Boolean true / false, anything else a string; [..] or {..} is JSON)
  --variables  variables as one JSON object; --var values win
  --out        the file to write (default: standard output)
  --operation  which operation, when the file holds several
  --gateway    the gateway's GraphQL URL (default GATEWAY_URL or ${DEFAULT_GATEWAY})
  --token      the caller's token (default POVGRAPH_TOKEN, else a development ANALYST token)

To export a whole paginated list, ask for pageInfo { hasNextPage endCursor } beside it and declare
$after: String, passing after: $after to the list. Saved queries live in docs/queries/.

  pnpm -s export docs/queries/year-end-report.graphql --var code=630 --var year=2023 --out kong-chro-2023.csv`;

/** A mistake on the command line: exit code 2, with the usage. */
class UsageError extends Error {}

export interface ExportOptions {
  /** The operation's text (the contents of a .graphql file). */
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  /** The gateway's GraphQL URL. */
  gatewayUrl: string;
  token: string;
  /** The file to write; the CSV goes to `stdout` when absent. */
  out?: string | null;
  /** Where the progress bar is drawn (default stderr); null for none. */
  progress?: NodeJS.WriteStream | null;
  /** Where the CSV goes without `out` (default stdout). */
  stdout?: NodeJS.WritableStream;
}

/**
 * Runs the operation on the gateway as the token's caller, following every page,
 * and writes the CSV. A file is written beside its final name and renamed when
 * complete, so a failed export never leaves a truncated file behind.
 */
export async function exportCsv(options: ExportOptions): Promise<{ rows: number; columns: string[] }> {
  const run = (variables: Record<string, unknown>) => postOperation(options, variables);
  const sink = options.out ? await fileSink(options.out) : streamSink(options.stdout ?? process.stdout);
  const progressStream = options.progress === undefined ? process.stderr : options.progress;
  let bar: ReturnType<typeof progressBar> | null = null;
  let result = { rows: 0, columns: [] as string[] };
  try {
    for await (const page of exportPages(run, { document: options.query, operationName: options.operationName ?? null, variables: options.variables ?? {} })) {
      if (result.columns.length === 0) await sink.write(csvHeader(page.columns));
      await sink.write(csvRows(page.columns, page.rows));
      if (!bar && progressStream && page.totalCount !== null) bar = progressBar('export'.padEnd(10), page.totalCount, progressStream);
      bar?.tick(page.rows.length);
      result = { rows: page.rowsSoFar, columns: page.columns };
    }
    bar?.finish();
    await sink.commit();
    return result;
  } catch (error) {
    await sink.discard();
    if (error instanceof GraphQLResultError) {
      throw new Error(`the gateway answered with errors${error.partial ? ' (and part of the data, not exported)' : ''}:\n${error.errors.map((e) => `  ${describeError(e)}`).join('\n')}`);
    }
    throw error;
  }
}

interface Sink {
  write(chunk: string): Promise<void>;
  /** The export is complete. */
  commit(): Promise<void>;
  /** The export failed: leave nothing behind. */
  discard(): Promise<void>;
}

/** Writes `path.part`, renamed to `path` when complete, so a failed export never leaves a truncated file. */
async function fileSink(path: string): Promise<Sink> {
  const partPath = `${path}.part`;
  const file = await open(partPath, 'w').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot write ${path}: ${error.code === 'ENOENT' ? 'no such directory' : error.message}`);
  });
  let closed = false;
  const close = async () => {
    if (!closed) await file.close();
    closed = true;
  };
  return {
    write: async (chunk) => {
      await file.write(chunk, null, 'utf8');
    },
    commit: async () => {
      await close();
      await rename(partPath, path);
    },
    discard: async () => {
      await close().catch(() => undefined);
      await rm(partPath, { force: true });
    },
  };
}

function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: async (chunk) => {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    commit: async () => undefined,
    discard: async () => undefined,
  };
}

async function postOperation(options: ExportOptions, variables: Record<string, unknown>): Promise<GraphQLResult> {
  let response: Response;
  try {
    response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query: options.query, variables, ...(options.operationName ? { operationName: options.operationName } : {}) }),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`cannot reach the gateway at ${options.gatewayUrl} (${cause?.code ?? cause?.message ?? (error as Error).message}): is \`pnpm start\` running?`);
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResult;
  } catch {
    throw new Error(`the gateway at ${options.gatewayUrl} answered HTTP ${response.status} without a GraphQL result: ${text.slice(0, 200)}`);
  }
}

/** The named type under any list and non-null wrappers, and whether a list is among them. */
function namedType(type: TypeNode): { name: string; list: boolean } {
  if (type.kind === Kind.NAMED_TYPE) return { name: type.name.value, list: false };
  const inner = namedType(type.type);
  return { name: inner.name, list: inner.list || type.kind === Kind.LIST_TYPE };
}

/**
 * `--variables` JSON, then each `--var name=value` coerced by the operation's
 * variable definitions: Int, Float and VND (money) → number, Boolean → true /
 * false, a value starting with [ or { → JSON, anything else → string.
 */
export function exportVariables(operation: OperationDefinitionNode, pairs: readonly string[], json?: string): Record<string, unknown> {
  const definitions = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, namedType(definition.type)]));
  const known = () => (definitions.size ? `the operation declares ${[...definitions.keys()].map((name) => `$${name}`).join(', ')}` : 'the operation declares no variables');
  const variables: Record<string, unknown> = {};
  if (json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw new UsageError(`--variables is not JSON: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--variables must be a JSON object, e.g. \'{"code":"630","year":2023}\'.');
    Object.assign(variables, parsed);
  }
  for (const pair of pairs) {
    const match = /^([_A-Za-z][_0-9A-Za-z]*)=(.*)$/s.exec(pair);
    if (!match) throw new UsageError(`--var takes name=value, e.g. --var code=630; got "${pair}".`);
    const name = match[1]!;
    const text = match[2]!;
    const type = definitions.get(name);
    if (!type) throw new UsageError(`--var ${name}: ${known()}.`);
    variables[name] = coerce(name, type, text);
  }
  for (const name of Object.keys(variables)) {
    if (!definitions.has(name)) throw new UsageError(`--variables names $${name}, but ${known()}.`);
  }
  return variables;
}

function coerce(name: string, type: { name: string; list: boolean }, text: string): unknown {
  if (type.list || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--var ${name}: a list or object is written as JSON, e.g. '["630","631"]' (${(error as Error).message}).`);
    }
  }
  switch (type.name) {
    case 'Int':
    case 'VND':
      if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--var ${name} must be a whole number (${type.name}); got "${text}".`);
      return Number(text);
    case 'Float':
      if (text.trim() === '' || !Number.isFinite(Number(text))) throw new UsageError(`--var ${name} must be a number; got "${text}".`);
      return Number(text);
    case 'Boolean':
      if (text !== 'true' && text !== 'false') throw new UsageError(`--var ${name} must be true or false; got "${text}".`);
      return text === 'true';
    default:
      return text;
  }
}

export async function main(): Promise<void> {
  try {
    await exportCommand();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function exportCommand(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        var: { type: 'string', multiple: true, default: [] },
        variables: { type: 'string' },
        out: { type: 'string', short: 'o' },
        operation: { type: 'string' },
        gateway: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `Export one file at a time; got ${positionals.join(', ')}.` : 'Say which .graphql file to export.');
  const file = positionals[0]!;
  let query: string;
  try {
    query = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file (saved queries live in docs/queries/).` : `${file}: ${(error as Error).message}`);
  }
  let operation: OperationDefinitionNode;
  try {
    operation = exportOperation(query, values.operation).operation;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}${/several operations/.test((error as Error).message) ? ' Use --operation NAME.' : ''}`);
  }
  const variables = exportVariables(operation, values.var, values.variables);
  const token = values.token ?? process.env['POVGRAPH_TOKEN'] ?? signUserToken({ subject: 'export@vn', role: Role.ANALYST, agency: 'ANALYST national', area: null }, jwtSecret(), 8 * 3600);
  const gatewayUrl = values.gateway ?? process.env['GATEWAY_URL'] ?? DEFAULT_GATEWAY;
  const { rows, columns } = await exportCsv({ query, operationName: values.operation ?? null, variables, gatewayUrl, token, out: values.out ?? null });
  if (values.out) console.error(`export: ${rows.toLocaleString('en')} row(s), ${columns.length} column(s) → ${values.out}`);
}

if (require.main === module) runCli(main);
