import { isRole, type Caller } from './Caller';

/** Reads a Caller out of verified JWT claims; null when they do not describe one. */
export function callerFromClaims(claims: unknown): Caller | null {
  if (typeof claims !== 'object' || claims === null) return null;
  const { sub, role, agency, area } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || !isRole(role) || typeof agency !== 'string') return null;
  if (area !== null && area !== undefined && typeof area !== 'string') return null;
  return { subject: sub, role, agency, area: area ?? null };
}
