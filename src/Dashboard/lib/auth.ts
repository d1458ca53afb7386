// Staff bearer token: taken from `#token=…` (then kept in sessionStorage and removed from
// the address bar), or pasted into a sign-in form. First cut: no login flow of our own.
import type { StaffClaims } from './types';

const STORAGE_KEY = 'gongzhi.staffToken';

/**
 * Read the staff token. A `#token=…` in the URL wins: it is stored in sessionStorage and
 * stripped from the address bar (so it does not linger in history or get shared by copy).
 */
export function readToken(): string | null {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash) {
    storeToken(fromHash);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
    return fromHash;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token') ?? params.get('access_token');
  return token && token.trim() ? token.trim() : null;
}

export function storeToken(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Private mode without storage: the token lives only in this page.
  }
}

export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
}

/** Decode a base64url string to UTF-8 text. */
export function base64UrlDecode(input: string): string {
  let b64 = input.replace(/-/g, '+').replace(/_/g, '/');
  const pad = b64.length % 4;
  if (pad === 1) throw new Error('Invalid base64url');
  if (pad) b64 += '='.repeat(4 - pad);
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const ROLE_CLAIM_URI = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';

/**
 * Decode a JWT payload without verifying it (the server verifies; the page only needs
 * `sub`, `role` and `scope` to know what to ask for). Returns null for a malformed token.
 */
export function decodeJwt(token: string): StaffClaims | null {
  const parts = token.trim().split('.');
  if (parts.length < 2 || !parts[1]) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const raw = payload as Record<string, unknown>;
  const role = firstString(raw['role'] ?? raw[ROLE_CLAIM_URI]);
  return {
    ...raw,
    sub: firstString(raw['sub']),
    role,
    scope: firstString(raw['scope']),
    exp: typeof raw['exp'] === 'number' ? raw['exp'] : undefined,
  };
}

function firstString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  if (typeof value === 'number') return String(value);
  return '';
}

/** True when the token carries an `exp` in the past (with a little slack for clock skew). */
export function isExpired(claims: StaffClaims, nowMs: number = Date.now()): boolean {
  return claims.exp !== undefined && claims.exp * 1000 < nowMs - 30_000;
}

export interface Session {
  token: string;
  claims: StaffClaims;
}

/** The current session if a usable token is present; otherwise null (and a reason, as a resource key for `t()`). */
export function currentSession(): { session: Session | null; problem: string | null } {
  const token = readToken();
  if (!token) return { session: null, problem: null };
  const claims = decodeJwt(token);
  if (!claims || !claims.sub) {
    clearToken();
    return { session: null, problem: 'signin.error.unreadable' };
  }
  if (isExpired(claims)) {
    clearToken();
    return { session: null, problem: 'signin.error.expired' };
  }
  return { session: { token, claims }, problem: null };
}
