import { createContext, useContext, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'povgraph.token';

export interface TokenClaims {
  subject: string;
  role: string;
  agency?: string;
  /** Seconds since the epoch. */
  expiresAt?: number;
}

/** The claims of a JWT, read without checking its signature (the gateway checks it); null when it is not a JWT. */
export function readClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof json.role !== 'string') return null;
    return { subject: String(json.sub ?? json.subject ?? ''), role: json.role, agency: json.agency, expiresAt: json.exp };
  } catch {
    return null;
  }
}

interface TokenState {
  token: string | null;
  claims: TokenClaims | null;
  /** Set when the last token was refused or expired. */
  refused: boolean;
  signIn(token: string): boolean;
  signOut(refused?: boolean): void;
}

const TokenContext = createContext<TokenState | null>(null);

/** A token handed over in the URL (`#token=…`, as `pnpm start` prints it) wins, then leaves the address bar. */
function initialToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    window.localStorage.setItem(STORAGE_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return window.localStorage.getItem(STORAGE_KEY);
}

export function TokenProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState(initialToken);
  const [refused, setRefused] = useState(false);
  const claims = token ? readClaims(token) : null;
  const expired = claims?.expiresAt !== undefined && claims.expiresAt * 1000 < Date.now();
  const state: TokenState = {
    token: claims && !expired ? token : null,
    claims: expired ? null : claims,
    refused: refused || expired,
    signIn(next) {
      const trimmed = next.trim().replace(/^Bearer\s+/i, '');
      const nextClaims = readClaims(trimmed);
      if (!nextClaims || (nextClaims.expiresAt !== undefined && nextClaims.expiresAt * 1000 < Date.now())) return false;
      window.localStorage.setItem(STORAGE_KEY, trimmed);
      setRefused(false);
      setToken(trimmed);
      return true;
    },
    signOut(wasRefused = false) {
      window.localStorage.removeItem(STORAGE_KEY);
      setRefused(wasRefused);
      setToken(null);
    },
  };
  return <TokenContext.Provider value={state}>{children}</TokenContext.Provider>;
}

export function useToken(): TokenState {
  const state = useContext(TokenContext);
  if (!state) throw new Error('useToken outside TokenProvider');
  return state;
}
