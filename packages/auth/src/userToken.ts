import jwt from 'jsonwebtoken';
import { unauthenticated } from '@povgraph/errors';
import type { Caller } from './Caller';
import { callerFromClaims } from './claims';

export interface UserTokenClaims {
  sub: string;
  role: string;
  agency: string;
  area: string | null;
}

const ISSUER = 'povgraph';

/** Mints a user token (HS256), e.g. for `pnpm token` in development. */
export function signUserToken(caller: Caller, secret: string, expiresInSeconds = 8 * 3600): string {
  const claims: UserTokenClaims = { sub: caller.subject, role: caller.role, agency: caller.agency, area: caller.area };
  return jwt.sign(claims, secret, { algorithm: 'HS256', issuer: ISSUER, expiresIn: expiresInSeconds });
}

/** Verifies `Authorization: Bearer <token>` and returns the caller, or throws UNAUTHENTICATED. */
export function verifyUserToken(token: string, secret: string): Caller {
  let claims: unknown;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER });
  } catch (error) {
    const reason = error instanceof jwt.TokenExpiredError ? 'has expired' : 'is not valid';
    throw unauthenticated(`Your sign-in token ${reason}; ask for a new one.`);
  }
  const caller = callerFromClaims(claims);
  if (!caller) throw unauthenticated('Your sign-in token does not name a role and agency; ask for a new one.');
  return caller;
}
