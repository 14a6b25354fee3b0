import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { CALLER_HEADER, verifyForwardedCaller, verifyUserToken, type Caller } from '@povgraph/auth';
import { REQUEST_ID_HEADER, type Logger } from '@povgraph/subgraph-kit';

export interface GatewayContext {
  /** Null when the request carried no token: only schema introspection is answered then. */
  caller: Caller | null;
  requestId: string;
  logger: Logger;
}

const refuse = (message: string) => new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/**
 * Who is calling: a user with `Authorization: Bearer <token>`, or one of the
 * subgraphs asking another agency's data on behalf of its own caller (the
 * forwarded-caller header, signed with the internal secret). Anything invalid is
 * refused with HTTP 401.
 */
export function readGatewayContext(headers: IncomingHttpHeaders, secrets: { jwtSecret: string; internalSecret: string }, logger: Logger): GatewayContext {
  const requestId = (headers[REQUEST_ID_HEADER] as string | undefined) ?? randomUUID();
  const authorization = headers.authorization;
  const forwarded = headers[CALLER_HEADER] as string | undefined;
  if (!authorization && forwarded) {
    const caller = verifyForwardedCaller(forwarded, secrets.internalSecret);
    if (!caller) throw refuse('The service credentials on this request are not valid.');
    return { caller, requestId, logger: logger.child({ requestId, caller: caller.subject, via: 'service' }) };
  }
  if (!authorization) return { caller: null, requestId, logger: logger.child({ requestId }) };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  try {
    if (!match) throw refuse('The Authorization header must read "Bearer <token>".');
    const caller = verifyUserToken(match[1]!, secrets.jwtSecret);
    return { caller, requestId, logger: logger.child({ requestId, caller: caller.subject }) };
  } catch (error) {
    throw refuse((error as GraphQLError).message);
  }
}
