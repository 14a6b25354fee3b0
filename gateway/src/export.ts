import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { csvHeader, csvRows, ExportError, exportOperation, exportPages, GraphQLResultError, type GraphQLResult } from '@povgraph/csv';
import { ErrorCode } from '@povgraph/errors';
import type { GatewayContext } from './context';

/** HTTP status of an export refused for a GraphQL error with this code. */
const STATUS_OF_CODE: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.NOT_ELIGIBLE]: 422,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UPSTREAM_UNAVAILABLE]: 502,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
};

interface ExportRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly errors: ReadonlyArray<GraphQLFormattedError>,
  ) {
    super(errors.map((error) => error.message).join('; '));
  }
}

const badRequest = (message: string, status = 400) => new RequestRefused(status, [{ message, extensions: { code: 'BAD_REQUEST' } }]);

/** The operation from the query string (GET) or the JSON body (POST), as /graphql takes it. */
function readExportRequest(req: Request): ExportRequest {
  const source: Record<string, unknown> = req.method === 'GET' ? (req.query as Record<string, unknown>) : isRecord(req.body) ? req.body : {};
  const { query, operationName } = source;
  let variables = source['variables'];
  if (typeof query !== 'string' || !query.trim()) throw badRequest('Send the operation to export as `query` (GET /export.csv?query=… or a JSON body { "query": … }).');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') throw badRequest('`operationName` must be a string.');
  if (typeof variables === 'string') {
    try {
      variables = variables.trim() ? JSON.parse(variables) : undefined;
    } catch (error) {
      throw badRequest(`\`variables\` is not JSON: ${(error as Error).message}`);
    }
  }
  if (variables !== undefined && variables !== null && !isRecord(variables)) throw badRequest('`variables` must be a JSON object, e.g. {"code":"630","year":2023}.');
  return { query, variables: (variables as Record<string, unknown> | null | undefined) ?? {}, operationName: operationName ?? null };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The status for a refused export: the first error code that names one, else 502 for a partial answer, else 500. */
function statusOf(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>, partial: boolean): number {
  for (const error of errors) {
    const status = STATUS_OF_CODE[String(error.extensions?.['code'])];
    if (status) return status;
  }
  return partial ? 502 : 500;
}

/**
 * `GET /export.csv?query=…&variables=<json>&operationName=…` and `POST /export.csv`
 * (a JSON body as for /graphql): the answer as a CSV file (UTF-8 with BOM), every
 * page of a paginated list included. Runs the operation in this server with the
 * caller of /graphql (same token check, same 401), never a second HTTP hop. The
 * whole file is assembled before the first byte is sent, so a failure on any
 * page is an HTTP error with `{ errors }` and never a silently truncated file.
 */
export function exportRouter(server: ApolloServer<GatewayContext>, contextFor: (req: Request) => GatewayContext): Router {
  const router = express.Router();
  const handle = async (req: Request, res: Response) => {
    let context: GatewayContext | null = null;
    try {
      context = authenticate(req, contextFor);
      const contextValue = context;
      const request = readExportRequest(req);
      const { document, operation } = parseOperation(request);
      const run = (variables: Record<string, unknown>) => execute(server, request, variables, contextValue);
      const chunks: string[] = [];
      let rows = 0;
      for await (const page of exportPages(run, { document, operationName: request.operationName, variables: request.variables })) {
        if (chunks.length === 0) chunks.push(csvHeader(page.columns));
        chunks.push(csvRows(page.columns, page.rows));
        rows = page.rowsSoFar;
      }
      const filename = operation.name?.value ?? 'export';
      context.logger.info({ operationName: filename, rows }, 'export');
      res.status(200);
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}.csv"`, 'cache-control': 'no-store' });
      res.send(chunks.join(''));
    } catch (error) {
      refuse(res, error, context);
    }
  };
  router.get('/export.csv', (req, res) => void handle(req, res));
  router.post('/export.csv', express.json({ limit: '2mb' }), (req, res) => void handle(req, res));
  router.use('/export.csv', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    // express.json refusing the body: answer as the export does, not with an HTML page.
    if (!(error instanceof SyntaxError) || res.headersSent) return next(error);
    res.status(400).json({ errors: [{ message: `The request body is not JSON: ${error.message}`, extensions: { code: 'BAD_REQUEST' } }] });
  });
  router.all('/export.csv', (_req, res) => {
    res.status(405).set('allow', 'GET, POST').json({ errors: [{ message: 'Export with GET or POST.', extensions: { code: 'BAD_REQUEST' } }] });
  });
  return router;
}

/** The caller, read exactly as /graphql reads it; an invalid token is a 401. */
function authenticate(req: Request, contextFor: (req: Request) => GatewayContext): GatewayContext {
  try {
    return contextFor(req);
  } catch (error) {
    if (error instanceof GraphQLError) {
      const http = error.extensions['http'] as { status?: number } | undefined;
      throw new RequestRefused(http?.status ?? 401, [{ message: error.message, extensions: { code: error.extensions['code'] ?? ErrorCode.UNAUTHENTICATED } }]);
    }
    throw error;
  }
}

function parseOperation(request: ExportRequest) {
  try {
    return exportOperation(request.query, request.operationName);
  } catch (error) {
    if (error instanceof GraphQLError) throw new RequestRefused(400, [{ message: error.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]);
    throw error;
  }
}

/** One page, run by this server's request pipeline (plugins, token check, query planning) as /graphql runs it. */
async function execute(server: ApolloServer<GatewayContext>, request: ExportRequest, variables: Record<string, unknown>, contextValue: GatewayContext): Promise<GraphQLResult> {
  const response = await server.executeOperation({ query: request.query, variables, operationName: request.operationName ?? undefined }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('The gateway answered an export in several parts (@defer / @stream), which an export cannot use.');
  const { data, errors } = response.body.singleResult;
  return { data: data ?? null, ...(errors ? { errors } : {}) } as GraphQLResult;
}

function refuse(res: Response, error: unknown, context: GatewayContext | null): void {
  if (error instanceof RequestRefused) {
    res.status(error.status).json({ errors: error.errors });
  } else if (error instanceof GraphQLResultError) {
    res.status(statusOf(error.errors, error.partial)).json({ errors: error.errors });
  } else if (error instanceof ExportError) {
    res.status(400).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
  } else {
    context?.logger.error({ err: error }, 'export failed');
    res.status(500).json({ errors: [{ message: `The export failed unexpectedly${context ? `; quote request id ${context.requestId}` : ''}.`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  }
}
