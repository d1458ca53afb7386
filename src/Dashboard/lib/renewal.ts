// Silent renewal of the staff token: at about two thirds of its lifetime the page asks
// `POST /api/v1/auth/renew` for a fresh token of the same session. A network failure or a busy
// server is retried until the token runs out; a 401 means the session ended (signed out
// elsewhere, account disabled, password reset), and the page says so. Timers only: the clock is
// `Date.now()`, which tests move with fake timers.
import { ApiError } from './api';
import { isExpired, sessionFromAnswer, type Session } from './auth';
import type { SignInAnswer } from './types';

/** How far into a token's life it is renewed. */
const RENEW_AT = 2 / 3;
/** The wait before trying again after a failure that does not end the session. */
export const RETRY_MS = 30_000;

/** Milliseconds from `nowMs` until the session's token should be renewed (0: now). */
export function renewalDelay(session: Pick<Session, 'receivedAt' | 'expiresAt'>, nowMs: number): number {
  const due = session.receivedAt + (session.expiresAt - session.receivedAt) * RENEW_AT;
  return Math.max(0, Math.round(due - nowMs));
}

export type SessionEnd = 'ended' | 'expired';

export interface RenewalHooks {
  /** The session as the page has it now. */
  current: () => Session | null;
  renew: (token: string) => Promise<SignInAnswer>;
  /** A fresh token of the same session: keep it (storage, the next API call, the hub's next connect). */
  renewed: (session: Session) => void;
  /** No more renewal: the server ended the session, or the token ran out before a renewal got through. */
  ended: (why: SessionEnd) => void;
}

export class SessionRenewal {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dueAt = Number.POSITIVE_INFINITY;
  private running = false;
  private stopped = false;

  constructor(private readonly hooks: RenewalHooks) {}

  /** Schedule the renewal of the current session (again, after a new token came by another way). */
  start(): void {
    const session = this.hooks.current();
    if (session) this.schedule(renewalDelay(session, Date.now()));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A phone that slept may have held the timer back: renew now if it is due. */
  wake(): void {
    if (!this.stopped && !this.running && Date.now() >= this.dueAt) void this.run();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private async run(): Promise<void> {
    const session = this.hooks.current();
    if (!session || this.stopped || this.running) return;
    clearTimeout(this.timer);
    if (isExpired(session)) {
      this.end('expired');
      return;
    }
    this.running = true;
    try {
      const fresh = sessionFromAnswer(await this.hooks.renew(session.token), Date.now());
      if (this.stopped) return;
      if (!fresh) throw new ApiError(500, null);
      this.hooks.renewed(fresh);
      this.schedule(renewalDelay(fresh, Date.now()));
    } catch (err) {
      if (this.stopped) return;
      if (err instanceof ApiError && err.status === 401) {
        this.end('ended');
        return;
      }
      this.schedule(Math.min(RETRY_MS, Math.max(0, session.expiresAt - Date.now())));
    } finally {
      this.running = false;
    }
  }

  private end(why: SessionEnd): void {
    this.stop();
    this.hooks.ended(why);
  }
}
