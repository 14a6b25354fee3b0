import { forbidden, unauthenticated } from '@povgraph/errors';
import { Role, type Caller } from './Caller';

/** The caller, or UNAUTHENTICATED when the request carried none. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw unauthenticated();
  return caller;
}

/** Refuses with FORBIDDEN unless the caller holds one of `roles` (ADMIN always may). */
export function requireRole(caller: Caller | null, roles: readonly Role[], action: string): Caller {
  const known = requireCaller(caller);
  if (known.role === Role.ADMIN || roles.includes(known.role)) return known;
  throw forbidden(`Only ${roles.join(' or ')} staff may ${action}; you are signed in as ${known.role}.`);
}
