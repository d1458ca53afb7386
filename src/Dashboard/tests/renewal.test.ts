import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { sessionFromAnswer, type Session } from '../lib/auth';
import { RETRY_MS, SessionRenewal, renewalDelay, type SessionEnd } from '../lib/renewal';
import type { SignInAnswer } from '../lib/types';

const MINUTE = 60_000;
const START = Date.parse('2026-12-03T10:00:00Z');

/** The answer of a login or renewal at `now`: a token good for 15 minutes. */
const answer = (n: number, now = Date.now()): SignInAnswer => ({
  token: `token-${n}`, expiresAt: new Date(now + 15 * MINUTE).toISOString(),
  role: 'dispatcher', scope: 'ximen', username: 'ximen-dispatcher', displayName: '',
});

describe('when the token is renewed', () => {
  it('is two thirds into its lifetime as the page received it', () => {
    const session = { receivedAt: START, expiresAt: START + 15 * MINUTE };
    expect(renewalDelay(session, START)).toBe(10 * MINUTE);
    expect(renewalDelay(session, START + 4 * MINUTE)).toBe(6 * MINUTE);
    expect(renewalDelay(session, START + 12 * MINUTE)).toBe(0);
  });
});

describe('silent renewal', () => {
  let session: Session | null;
  let renew: ReturnType<typeof vi.fn<(token: string) => Promise<SignInAnswer>>>;
  let ended: SessionEnd[];
  let renewal: SessionRenewal;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    session = sessionFromAnswer(answer(0));
    ended = [];
    renew = vi.fn((token: string) => Promise.resolve(answer(Number(token.split('-')[1]) + 1)));
    renewal = new SessionRenewal({
      current: () => session,
      renew,
      renewed: (fresh) => { session = fresh; },
      ended: (why) => { ended.push(why); session = null; },
    });
  });
  afterEach(() => {
    renewal.stop();
    vi.useRealTimers();
  });

  it('asks for a fresh token at about two thirds of its lifetime, and again for each fresh one', async () => {
    renewal.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE - 1);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledWith('token-0');
    expect(session?.token).toBe('token-1');
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(renew).toHaveBeenLastCalledWith('token-1');
    expect(session?.token).toBe('token-2');
    expect(ended).toEqual([]);
  });

  it('ends the session when the server says it has ended (401)', async () => {
    renew.mockRejectedValueOnce(new ApiError(401, { code: 'unauthenticated' }));
    renewal.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(ended).toEqual(['ended']);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('tries again after a network failure, and keeps the session when a later try gets through', async () => {
    renew.mockRejectedValueOnce(new ApiError(0, null)).mockRejectedValueOnce(new ApiError(503, null));
    renewal.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(renew).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(renew).toHaveBeenCalledTimes(3);
    expect(session?.token).toBe('token-1');
    expect(ended).toEqual([]);
  });

  it('gives up when the token runs out before a renewal gets through', async () => {
    renew.mockRejectedValue(new ApiError(0, null));
    renewal.start();
    await vi.advanceTimersByTimeAsync(15 * MINUTE);
    expect(ended).toEqual(['expired']);
    expect(renew).toHaveBeenCalledTimes(10); // at 10 min, then every 30 s until 15 min
  });

  it('renews at once after a reload late in the token’s life', async () => {
    vi.setSystemTime(START + 11 * MINUTE);
    renewal.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('renews on waking when the sleeping phone held the timer back', async () => {
    renewal.start();
    vi.setSystemTime(START + 12 * MINUTE); // the clock moved on, the timer did not fire
    renewal.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(session?.token).toBe('token-1');
  });

  it('stops on sign-out', async () => {
    renewal.start();
    renewal.stop();
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(renew).not.toHaveBeenCalled();
  });
});
