import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { storeSession, storedSession } from '../lib/auth';
import { StaffSession } from '../lib/session';

const MINUTE = 60_000;

function page(): { signin: HTMLElement; section: HTMLElement; pageMessage: HTMLElement } {
  document.body.innerHTML = `<header><div id="topbar-right"></div></header>
    <p id="page-message" hidden></p><section id="signin" hidden></section><section id="board-section"></section>`;
  return { signin: document.getElementById('signin')!, section: document.getElementById('board-section')!, pageMessage: document.getElementById('page-message')! };
}

describe('the staff session of a page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
    storeSession({
      token: 'tok-1', claims: { sub: 'ximen-dispatcher', role: 'dispatcher', scope: 'ximen' }, displayName: '调度员',
      expiresAt: Date.now() + 15 * MINUTE, receivedAt: Date.now(),
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('signs out on the server, forgets the token, stops the hub and shows the form with a notice', async () => {
    const fetch = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const parts = page();
    const session = new StaffSession({ expiredKey: 'board.expired', ...parts });
    session.mountHeader();
    const hub = { connection: {} as never, stop: vi.fn(() => Promise.resolve()) };
    session.attachHub(hub);
    expect(document.querySelector('#account-name')?.textContent).toBe('调度员');

    document.querySelector<HTMLButtonElement>('#signout')!.click();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/logout');
    expect((init.headers as Record<string, string>)['Authorization']).toBe('Bearer tok-1');
    expect(hub.stop).toHaveBeenCalled();
    expect(storedSession()).toBeNull();
    expect(session.token).toBe('');
    expect(parts.section.hidden).toBe(true);
    expect(document.querySelector('#account-menu')).toBeNull();
    expect(document.querySelector('#signin-notice')?.getAttribute('data-notice')).toBe('signin.signedOut');
  });

  it('renews before the token runs out, and every later call and hub connect read the fresh token', async () => {
    const fresh = { token: 'tok-2', expiresAt: new Date(Date.now() + 25 * MINUTE).toISOString(), role: 'dispatcher', scope: 'ximen', username: 'ximen-dispatcher', displayName: '' };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(fresh), { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const session = new StaffSession({ expiredKey: 'board.expired', ...page() });
    const accessToken = () => session.token;
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(accessToken()).toBe('tok-2');
    expect(storedSession()?.token).toBe('tok-2');
  });

  it('ends the session with a notice when the renewal is refused', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{"status":401}', { status: 401 })));
    const parts = page();
    const session = new StaffSession({ expiredKey: 'board.expired', ...parts });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(session.current).toBeNull();
    expect(parts.section.hidden).toBe(true);
    expect(document.querySelector('#signin-notice')?.getAttribute('data-notice')).toBe('signin.ended');
  });

  it('says the session ended when the server refuses a token the clock still calls good, and that it expired once it ran out', () => {
    const parts = page();
    const session = new StaffSession({ expiredKey: 'board.expired', ...parts });
    expect(session.handleAuthError(new ApiError(401, null))).toBe(true);
    expect(document.querySelector('#signin-notice')?.getAttribute('data-notice')).toBe('signin.ended');

    storeSession({
      token: 'tok-old', claims: { sub: 'ximen-dispatcher', role: 'dispatcher', scope: 'ximen' }, displayName: '调度员',
      expiresAt: Date.now() + MINUTE, receivedAt: Date.now() - 14 * MINUTE,
    });
    const later = new StaffSession({ expiredKey: 'board.expired', ...page() });
    vi.setSystemTime(Date.now() + MINUTE);
    later.expire();
    expect(document.querySelector('#signin-notice')?.getAttribute('data-notice')).toBe('board.expired');
  });
});
