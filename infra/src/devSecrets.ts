/**
 * Secrets for the local stack only. Anything reachable by others must set
 * POVGRAPH_JWT_SECRET and POVGRAPH_INTERNAL_SECRET itself.
 */
export const DEV_JWT_SECRET = 'povgraph-development-jwt-secret-do-not-use-in-production';
export const DEV_INTERNAL_SECRET = 'povgraph-development-internal-secret-do-not-use-in-production';

export const jwtSecret = () => process.env['POVGRAPH_JWT_SECRET'] ?? DEV_JWT_SECRET;
export const internalSecret = () => process.env['POVGRAPH_INTERNAL_SECRET'] ?? DEV_INTERNAL_SECRET;
