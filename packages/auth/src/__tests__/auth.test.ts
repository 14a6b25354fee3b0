import jwt from 'jsonwebtoken';
import { Role, maskNationalId, requireRole, signForwardedCaller, signUserToken, verifyForwardedCaller, verifyUserToken, type Caller } from '..';

const secret = 'a-secret-for-tests-only-0123456789';
const caller: Caller = { subject: 'lan@630', role: Role.LABOUR_OFFICE, agency: 'Phòng LĐ-TB&XH Kông Chro', area: '630' };

describe('user tokens', () => {
  it('round-trips the caller', () => {
    expect(verifyUserToken(signUserToken(caller, secret), secret)).toEqual(caller);
  });

  it('refuses a token signed with another secret', () => {
    expect(() => verifyUserToken(signUserToken(caller, 'another-secret-0123456789abcdef'), secret)).toThrow(/not valid/);
  });

  it('refuses an expired token', () => {
    const expired = jwt.sign({ sub: 'x', role: 'ADMIN', agency: 'a', iat: 1000, exp: 1001 }, secret, { issuer: 'povgraph' });
    expect(() => verifyUserToken(expired, secret)).toThrow(/expired/);
  });

  it('refuses a token with an unknown role', () => {
    const token = jwt.sign({ sub: 'x', role: 'MAYOR', agency: 'a' }, secret, { issuer: 'povgraph' });
    expect(() => verifyUserToken(token, secret)).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });

  it('refuses an unsigned (alg none) token', () => {
    const token = jwt.sign({ sub: 'x', role: 'ADMIN', agency: 'a' }, '', { algorithm: 'none', issuer: 'povgraph' });
    expect(() => verifyUserToken(token, secret)).toThrow(/not valid/);
  });
});

describe('forwarded caller', () => {
  it('is trusted only with the internal secret', () => {
    const header = signForwardedCaller(caller, secret);
    expect(verifyForwardedCaller(header, secret)).toEqual(caller);
    expect(verifyForwardedCaller(header, 'forged-secret-0123456789abcdef')).toBeNull();
    expect(verifyForwardedCaller(undefined, secret)).toBeNull();
  });

  it('is not accepted as a user token and vice versa', () => {
    expect(verifyForwardedCaller(signUserToken(caller, secret), secret)).toBeNull();
    expect(() => verifyUserToken(signForwardedCaller(caller, secret), secret)).toThrow();
  });
});

describe('requireRole', () => {
  it('lets ADMIN and the named roles through', () => {
    expect(requireRole(caller, [Role.LABOUR_OFFICE], 'register households')).toBe(caller);
    const admin = { ...caller, role: Role.ADMIN };
    expect(requireRole(admin, [Role.LABOUR_OFFICE], 'register households')).toBe(admin);
  });

  it('refuses other roles with FORBIDDEN and says who may', () => {
    expect(() => requireRole({ ...caller, role: Role.ANALYST }, [Role.LABOUR_OFFICE], 'register households')).toThrow(
      'Only LABOUR_OFFICE staff may register households; you are signed in as ANALYST.',
    );
  });

  it('refuses a missing caller with UNAUTHENTICATED', () => {
    expect(() => requireRole(null, [Role.LABOUR_OFFICE], 'x')).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
  });
});

describe('maskNationalId', () => {
  it('keeps only the last three digits', () => {
    expect(maskNationalId('064085001234')).toBe('*********234');
    expect(maskNationalId('12')).toBe('**');
  });
});
