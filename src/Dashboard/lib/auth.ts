// The staff member's sign-in as this tab keeps it: the answer of `POST /api/v1/auth/login` (or
// `/renew`, `/password`) in sessionStorage, with the moment the page received it. The bearer token
// is read from here for every API call and for the hub's `access_token` (docs/architecture.md,
// "Issue 12 — pages": why sessionStorage and not an HttpOnly cookie).
import type { SignInAnswer, StaffClaims } from './types';

const STORAGE_KEY = 'gongzhi.staffSession';

export interface Session {
  token: string;
  /** `sub` (the username), `role`, `scope`: what the page asks for and shows. */
  claims: StaffClaims;
  displayName: string;
  /** When the token stops being accepted (ms since the epoch, this device's clock). */
  expiresAt: number;
  /** When this page received the token (ms since the epoch): its lifetime is counted from here. */
  receivedAt: number;
}

/**
 * The session an answer of the auth routes starts, received at `nowMs`; null for an answer without a token.
 * Its expiry is counted on this device's clock: the token's own lifetime (`exp` − `iat`, both the server's
 * clock) from the moment it arrived, so a phone whose clock is off still renews in time.
 */
export function sessionFromAnswer(answer: SignInAnswer, nowMs: number = Date.now()): Session | null {
  const lifetime = tokenLifetimeMs(answer.token) ?? Date.parse(answer.expiresAt) - nowMs;
  if (!answer.token || !answer.username || Number.isNaN(lifetime)) return null;
  return {
    token: answer.token,
    claims: { sub: answer.username, role: answer.role, scope: answer.scope },
    displayName: answer.displayName || answer.username,
    expiresAt: nowMs + Math.max(0, lifetime),
    receivedAt: nowMs,
  };
}

/** `exp` − `iat` of a JWT in milliseconds (the page reads the payload only for this; the server verifies it). */
export function tokenLifetimeMs(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))) as { iat?: unknown; exp?: unknown };
    return typeof claims.iat === 'number' && typeof claims.exp === 'number' && claims.exp > claims.iat ? (claims.exp - claims.iat) * 1000 : null;
  } catch {
    return null;
  }
}

export function storeSession(session: Session): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Private mode without storage: the session lives only in this page.
  }
}

export function clearSession(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
}

/** The kept session, if it reads as one (anything else is forgotten). */
export function storedSession(): Session | null {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Session>;
    if (typeof value.token === 'string' && typeof value.expiresAt === 'number' && typeof value.receivedAt === 'number'
      && typeof value.claims?.sub === 'string' && typeof value.claims.role === 'string') {
      return value as Session;
    }
  } catch {
    // fall through
  }
  clearSession();
  return null;
}

/** True once the token is no longer accepted. */
export function isExpired(session: Pick<Session, 'expiresAt'>, nowMs: number = Date.now()): boolean {
  return session.expiresAt <= nowMs;
}

/** The session kept in this tab if its token is still good; an expired one is forgotten, with the notice to show. */
export function currentSession(nowMs: number = Date.now()): { session: Session | null; problem: string | null } {
  const session = storedSession();
  if (!session) return { session: null, problem: null };
  if (isExpired(session, nowMs)) {
    clearSession();
    return { session: null, problem: 'signin.error.expired' };
  }
  return { session, problem: null };
}
