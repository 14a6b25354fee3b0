import { getOperationAST, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '@povgraph/errors';
import { shapeOf, tableOf } from './tableOf';
import type { Row } from './toCsv';

/** The most rows one export may hold: a bigger list must be narrowed (an area, a year, a status). */
export const MAX_EXPORT_ROWS = 200_000;

/** An error of a GraphQL answer, as it travels in JSON. */
export interface GraphQLErrorLike {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<GraphQLErrorLike>;
}

/** Runs the export's operation with these variables (through the gateway, or in its process). */
export type RunOperation = (variables: Record<string, unknown>) => Promise<GraphQLResult>;

/** The export cannot be made as asked; the message says what to change. `code` is BAD_USER_INPUT. */
export class ExportError extends Error {
  readonly code = ErrorCode.BAD_USER_INPUT;
  override readonly name = 'ExportError';
}

/** The graph answered with errors: nothing is exported rather than an incomplete file. */
export class GraphQLResultError extends Error {
  override readonly name = 'GraphQLResultError';
  constructor(
    readonly errors: ReadonlyArray<GraphQLErrorLike>,
    /** Some data came with the errors (a subgraph was down, a field refused). */
    readonly partial: boolean,
  ) {
    super(errors.map(describeError).join('\n'));
  }
}

/** `CODE: message (at a.b.0.c)`, one line per error. */
export function describeError(error: GraphQLErrorLike): string {
  const code = typeof error.extensions?.['code'] === 'string' ? error.extensions['code'] : 'ERROR';
  return `${code}: ${error.message}${error.path?.length ? ` (at ${error.path.join('.')})` : ''}`;
}

/** The operation to export: the one named, or the document's only one; queries only. */
export function exportOperation(source: string | DocumentNode, operationName?: string | null): { document: DocumentNode; operation: OperationDefinitionNode } {
  const document = typeof source === 'string' ? parse(source) : source;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) {
    throw new ExportError(operationName
      ? `The document has no operation named ${operationName}.`
      : 'The document holds several operations: name the one to export (operationName).');
  }
  if (operation.operation !== 'query') {
    throw new ExportError(`Exports are read-only: ${operation.name ? `${operation.name.value} is a ${operation.operation}` : `this is a ${operation.operation}`}; only queries can be exported. Send writes to /graphql.`);
  }
  return { document, operation };
}

export interface ExportPage {
  /** The export's columns, the same on every page (fixed by the first). */
  columns: string[];
  /** This page's rows. */
  rows: Row[];
  /** Rows on this page and the ones before. */
  rowsSoFar: number;
  /** `totalCount` beside the row list, when the operation asks for it (for a progress bar). */
  totalCount: number | null;
}

export interface ExportPagesOptions {
  /** The operation's text or parsed document. */
  document: string | DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  /** Defaults to {@link MAX_EXPORT_ROWS}. */
  maxRows?: number;
}

/**
 * Every page of an export. When the row list sits beside
 * `pageInfo { hasNextPage endCursor }` the operation is run again with
 * `after` = `endCursor` until `hasNextPage` is false, so the operation must
 * declare `$after: String` and pass it to the list (`households(first: 1000, after: $after)`).
 * Refuses, naming what to change, an operation with more pages but no `$after`,
 * a list longer than `maxRows`, and an answer with errors.
 */
export async function* exportPages(run: RunOperation, options: ExportPagesOptions): AsyncGenerator<ExportPage, void, undefined> {
  const { document, operation } = exportOperation(options.document, options.operationName);
  const shape = shapeOf(operation, document);
  const maxRows = options.maxRows ?? MAX_EXPORT_ROWS;
  const declaresAfter = (operation.variableDefinitions ?? []).some((definition) => definition.variable.name.value === 'after');
  let variables = { ...options.variables };
  let columns: string[] | null = null;
  let rowsSoFar = 0;
  const cursors = new Set<string>();
  for (;;) {
    const result = await run(variables);
    if (result.errors?.length) throw new GraphQLResultError(result.errors, result.data !== null && result.data !== undefined);
    if (!result.data) throw new GraphQLResultError([{ message: 'The graph answered with no data and no errors.' }], false);
    const table = tableOf(result.data, shape);
    if (!columns) {
      columns = table.columns;
    } else {
      const known = new Set(columns);
      const added = table.columns.filter((column) => !known.has(column));
      if (added.length) throw new ExportError(`Page ${cursors.size + 1} has columns the first page did not (${added.join(', ')}); ask for fields that are never null, or export in one page.`);
    }
    const listName = table.rowPath?.join('.') ?? 'the list';
    const connection = table.connection ?? {};
    const totalCount = typeof connection['totalCount'] === 'number' ? connection['totalCount'] : null;
    rowsSoFar += table.rows.length;
    if (Math.max(rowsSoFar, totalCount ?? 0) > maxRows) {
      throw new ExportError(`${listName} has ${(totalCount ?? rowsSoFar).toLocaleString('en')}${totalCount === null ? '+' : ''} rows; an export holds at most ${maxRows.toLocaleString('en')}. Narrow it (an area, a year, a status) and export the parts.`);
    }
    const pageInfo = connection['pageInfo'];
    if (pageInfo === undefined && totalCount !== null && totalCount > table.rows.length && variables['after'] === undefined) {
      throw new ExportError(`Only ${table.rows.length} of ${totalCount} rows of ${listName} came back: ask for pageInfo { hasNextPage endCursor } beside it and pass after: $after, so the export follows every page.`);
    }
    yield { columns, rows: table.rows, rowsSoFar, totalCount };

    if (pageInfo === undefined || pageInfo === null) return;
    const { hasNextPage, endCursor } = pageInfo as { hasNextPage?: unknown; endCursor?: unknown };
    if (hasNextPage === undefined) throw new ExportError(`Ask for pageInfo { hasNextPage endCursor } beside ${listName}, so the export knows whether more pages follow.`);
    if (hasNextPage !== true) return;
    if (!declaresAfter) {
      throw new ExportError(`${listName} has more pages, but the operation has no $after variable: declare ($after: String) and pass after: $after to the list, e.g. households(first: 1000, after: $after).`);
    }
    if (typeof endCursor !== 'string') throw new ExportError(`Ask for endCursor in the pageInfo beside ${listName}, so the export can fetch the next page.`);
    if (cursors.has(endCursor)) throw new ExportError(`The operation returned the same page twice: pass after: $after to ${listName} itself.`);
    cursors.add(endCursor);
    variables = { ...variables, after: endCursor };
  }
}
