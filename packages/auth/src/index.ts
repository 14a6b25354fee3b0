export { Role, ROLES, isRole, type Caller } from './Caller';
export { signUserToken, verifyUserToken, type UserTokenClaims } from './userToken';
export { CALLER_HEADER, signForwardedCaller, verifyForwardedCaller } from './forwardedCaller';
export { maskNationalId } from './mask';
export { requireCaller, requireRole } from './guards';
