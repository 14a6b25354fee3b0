import jwt from 'jsonwebtoken';
import type { Caller } from './Caller';
import { callerFromClaims } from './claims';

/**
 * The header in which the gateway forwards the verified caller to subgraphs.
 * Its value is a short-lived token signed with a secret only the gateway and the
 * subgraphs hold, so a client that reaches a subgraph directly cannot forge it.
 */
export const CALLER_HEADER = 'x-povgraph-caller';

const AUDIENCE = 'povgraph-subgraphs';
const ISSUER = 'povgraph-gateway';

export function signForwardedCaller(caller: Caller, internalSecret: string): string {
  return jwt.sign(
    { sub: caller.subject, role: caller.role, agency: caller.agency, area: caller.area },
    internalSecret,
    { algorithm: 'HS256', audience: AUDIENCE, issuer: ISSUER, expiresIn: 60 },
  );
}

/** The forwarded caller, or null when the header is absent, forged or stale. */
export function verifyForwardedCaller(headerValue: string | undefined, internalSecret: string): Caller | null {
  if (!headerValue) return null;
  try {
    return callerFromClaims(jwt.verify(headerValue, internalSecret, { algorithms: ['HS256'], audience: AUDIENCE, issuer: ISSUER }));
  } catch {
    return null;
  }
}
