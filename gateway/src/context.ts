import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { verifyUserToken, type Caller } from '@povgraph/auth';
import { REQUEST_ID_HEADER, type Logger } from '@povgraph/subgraph-kit';

export interface GatewayContext {
  /** Null when the request carried no token: only schema introspection is answered then. */
  caller: Caller | null;
  requestId: string;
  logger: Logger;
}

/** Verifies `Authorization: Bearer <token>`; a bad token is refused with HTTP 401. */
export function readGatewayContext(headers: IncomingHttpHeaders, jwtSecret: string, logger: Logger): GatewayContext {
  const requestId = (headers[REQUEST_ID_HEADER] as string | undefined) ?? randomUUID();
  const authorization = headers.authorization;
  if (!authorization) return { caller: null, requestId, logger: logger.child({ requestId }) };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  try {
    if (!match) throw new GraphQLError('The Authorization header must read "Bearer <token>".', { extensions: { code: 'UNAUTHENTICATED' } });
    const caller = verifyUserToken(match[1]!, jwtSecret);
    return { caller, requestId, logger: logger.child({ requestId, caller: caller.subject }) };
  } catch (error) {
    const graphQLError = error as GraphQLError;
    throw new GraphQLError(graphQLError.message, { extensions: { ...graphQLError.extensions, http: { status: 401 } } });
  }
}
