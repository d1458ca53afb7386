import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentSession, sessionFromAnswer, storeSession, storedSession, tokenLifetimeMs } from '../lib/auth';
import { destinationAfterSignIn, homeOf, samePath } from '../lib/destination';
import { setLocale, translateDocument } from '../lib/i18n';
import { renderSignIn } from '../lib/signin';

const answer = (role: string, scope: string, expiresAt = '2026-12-03T10:15:00Z') =>
  ({ token: 'tok', expiresAt, role, scope, username: 'wang-liqun', displayName: 'Wang Liqun' });

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('where a staff member lands after signing in', () => {
  it('goes to the role’s own page', () => {
    expect(homeOf('cadre', 'ximen')).toBe('/cadre');
    expect(homeOf('dispatcher', 'community')).toBe('/board');
    expect(homeOf('dispatcher', 'subdistrict')).toBe('/official');
    expect(homeOf('admin')).toBe('/admin');
    expect(homeOf('department')).toBe('/official');
    expect(homeOf('leader')).toBe('/official');
  });

  it('goes back where they came from when their role works there', () => {
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'ximen' }, '/board?community=ximen')).toBe('/board?community=ximen');
    expect(destinationAfterSignIn({ role: 'admin', scope: 'wenshang' }, '/board?scope=housing')).toBe('/board?scope=housing');
    expect(destinationAfterSignIn({ role: 'leader', scope: 'wenshang' }, '/board?scope=wenshang')).toBe('/board?scope=wenshang');
  });

  it('goes to the role’s page instead of one it does not work on, or of the sign-in page', () => {
    expect(destinationAfterSignIn({ role: 'cadre', scope: 'ximen' }, '/board')).toBe('/cadre');
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'ximen' }, '/admin')).toBe('/board');
    expect(destinationAfterSignIn({ role: 'department', scope: 'heating' }, '/signin')).toBe('/official');
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'wenshang-subdistrict', level: 'subdistrict' }, '/signin')).toBe('/official');
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'wenshang-subdistrict', level: 'subdistrict' }, '/official')).toBe('/official');
  });

  it('never leaves the site', () => {
    expect(samePath('//evil.example/board')).toBeNull();
    expect(samePath('https://evil.example/board')).toBeNull();
    expect(samePath('/\\evil.example')).toBeNull();
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'x' }, '//evil.example/board')).toBe('/board');
  });
});

describe('the session kept in the tab', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps the login answer with the moment it arrived, and forgets it once expired', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const session = sessionFromAnswer(answer('cadre', 'ximen'), now);
    expect(session).toMatchObject({ token: 'tok', claims: { sub: 'wang-liqun', role: 'cadre', scope: 'ximen' }, receivedAt: now });
    storeSession(session!);
    expect(storedSession()).toEqual(session);
    expect(currentSession(now + 60_000).session).toEqual(session);
    expect(currentSession(Date.parse('2026-12-03T10:15:00Z'))).toEqual({ session: null, problem: 'signin.error.expired' });
    expect(storedSession()).toBeNull();
  });

  it('counts the token’s lifetime from its arrival on this device, whatever this device’s clock says', () => {
    const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    // Issued by a server whose clock is an hour ahead of this phone's.
    const token = `${b64({ alg: 'HS256' })}.${b64({ sub: 'wang-liqun', iat: 1_796_296_800, exp: 1_796_297_700 })}.sig`;
    expect(tokenLifetimeMs(token)).toBe(15 * 60_000);
    const now = Date.parse('2026-12-03T10:00:00Z');
    const session = sessionFromAnswer({ ...answer('cadre', 'ximen', '2026-12-03T11:15:00Z'), token }, now);
    expect(session?.expiresAt).toBe(now + 15 * 60_000);
  });
});

describe('the sign-in form', () => {
  let container: HTMLElement;
  beforeEach(() => {
    sessionStorage.clear();
    setLocale('en');
    container = document.createElement('section');
    document.body.replaceChildren(container);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setLocale('zh');
  });

  function fill(username: string, password: string): void {
    container.querySelector<HTMLInputElement>('#signin-username')!.value = username;
    container.querySelector<HTMLInputElement>('#signin-password')!.value = password;
    container.querySelector<HTMLFormElement>('#signin-form')!.requestSubmit();
  }

  it('asks for a username and a password, every text from the resources', () => {
    renderSignIn(container);
    expect(container.querySelector('#signin-username')?.getAttribute('autocomplete')).toBe('username');
    expect(container.querySelector('#signin-password')?.getAttribute('type')).toBe('password');
    const texts = [...container.querySelectorAll('h1, label, button')];
    expect(texts.length).toBe(4);
    for (const el of texts) expect(el.getAttribute('data-i18n'), el.outerHTML).toMatch(/^signin\./);
    setLocale('zh');
    translateDocument();
    expect(container.querySelector('#signin-submit')?.textContent).toBe('登录');
  });

  it('signs in with POST /api/v1/auth/login, keeps the session and goes to the role’s page', async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse(200, answer('department', 'heating', new Date(Date.now() + 900_000).toISOString())));
    vi.stubGlobal('fetch', fetch);
    const go = vi.fn();
    renderSignIn(container, { from: '/cadre', go });
    fill(' wang-liqun ', 'gongzhi-demo-2026');
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith('/official'));
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/login');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'wang-liqun', password: 'gongzhi-demo-2026' });
    expect(storedSession()?.token).toBe('tok');
  });

  it('says a wrong password in words, without saying which part was wrong', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(401, { status: 401, code: 'sign-in-failed' })));
    renderSignIn(container, { go: vi.fn() });
    fill('wang-liqun', 'nope');
    await vi.waitFor(() => expect(container.querySelector('#signin-error')?.hasAttribute('hidden')).toBe(false));
    const error = container.querySelector('#signin-error')!;
    expect(error.textContent).toBeTruthy();
    expect(error.textContent).not.toMatch(/HTTP|401/);
    expect(container.querySelector<HTMLInputElement>('#signin-password')!.value).toBe('');
    expect(storedSession()).toBeNull();
  });

  it('says until when a locked account is locked, again after a language switch', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(jsonResponse(401, { status: 401, code: 'account-locked', args: { until: '2026-12-03T10:20:00Z' } })));
    renderSignIn(container, { go: vi.fn() });
    fill('wang-liqun', 'nope');
    await vi.waitFor(() => expect(container.querySelector('#signin-error')?.textContent).toBeTruthy());
    const english = container.querySelector('#signin-error')!.textContent;
    setLocale('zh');
    await settle();
    const chinese = container.querySelector('#signin-error')!.textContent;
    expect(chinese).not.toBe(english);
    expect(english).not.toContain('2026-12-03T10:20:00Z');
  });

  it('shows why the person must sign in again', () => {
    renderSignIn(container, { notice: 'signin.ended' });
    expect(container.querySelector('#signin-notice')?.getAttribute('data-i18n')).toBe('signin.ended');
  });
});
