import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CALLER_HEADER, verifyForwardedCaller, type Caller } from '@povgraph/auth';
import type { Logger } from './logger';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What every subgraph's context starts from; built once per request, never mutated. */
export interface BaseContext {
  /** The caller the gateway verified, or null for an anonymous request. */
  caller: Caller | null;
  requestId: string;
  logger: Logger;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function readBaseContext(headers: IncomingHttpHeaders, internalSecret: string, logger: Logger): BaseContext {
  const requestId = single(headers[REQUEST_ID_HEADER]) ?? randomUUID();
  const caller = verifyForwardedCaller(single(headers[CALLER_HEADER]), internalSecret);
  return { caller, requestId, logger: logger.child({ requestId, caller: caller?.subject }) };
}
