import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountAccountMenu, type AccountMenuHost } from '../lib/account-menu';
import type { Session } from '../lib/auth';

const session: Session = {
  token: 'tok-1', claims: { sub: 'wang-liqun', role: 'cadre', scope: 'ximen' }, displayName: '王立群',
  expiresAt: Date.now() + 900_000, receivedAt: Date.now(),
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the change-password form of the account menu', () => {
  const replace = vi.fn<(next: Session) => void>();
  const ended = vi.fn();
  const changed = vi.fn();

  beforeEach(() => {
    // jsdom has no modal dialogs: open and close are enough here.
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) { this.open = true; };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) { this.open = false; this.dispatchEvent(new Event('close')); };
    document.body.innerHTML = '<div id="host"></div>';
    [replace, ended, changed].forEach((f) => f.mockReset());
    const host: AccountMenuHost = { current: () => session, replace, signOut: vi.fn(), ended, changed };
    mountAccountMenu(document.getElementById('host')!, session, host);
    document.querySelector<HTMLButtonElement>('#change-password-open')!.click();
  });
  afterEach(() => vi.unstubAllGlobals());

  function send(current: string, fresh: string, repeat = fresh): void {
    document.querySelector<HTMLInputElement>('#password-current')!.value = current;
    document.querySelector<HTMLInputElement>('#password-new')!.value = fresh;
    document.querySelector<HTMLInputElement>('#password-repeat')!.value = repeat;
    document.querySelector<HTMLFormElement>('#password-form')!.requestSubmit();
  }
  const error = () => document.querySelector('#password-error');

  it('asks nothing of the server when the new password is not typed the same twice', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    send('old-password', 'new-password-1', 'new-password-2');
    expect(error()?.getAttribute('data-i18n')).toBe('signin.password.mismatch');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says the current password is wrong on sign-in-failed, and keeps the session', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(401, { status: 401, code: 'sign-in-failed' })));
    send('wrong', 'new-password-1');
    await vi.waitFor(() => expect(error()?.getAttribute('data-i18n')).toBe('signin.password.wrongCurrent'));
    expect(ended).not.toHaveBeenCalled();
  });

  it('says a weak password is refused (400)', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(400, { status: 400, code: 'invalid-fields', errors: { newPassword: ['too short'] } })));
    send('old-password', 'short');
    await vi.waitFor(() => expect(error()?.getAttribute('data-i18n')).toBe('signin.password.weak'));
  });

  it('takes the fresh token the change answers, closes and says so', async () => {
    const answer = { token: 'tok-2', expiresAt: new Date(Date.now() + 900_000).toISOString(), role: 'cadre', scope: 'ximen', username: 'wang-liqun', displayName: '王立群' };
    const fetch = vi.fn().mockResolvedValue(json(200, answer));
    vi.stubGlobal('fetch', fetch);
    send('old-password', 'a-long-new-password');
    await vi.waitFor(() => expect(replace).toHaveBeenCalled());
    expect((replace.mock.calls[0] as [Session])[0].token).toBe('tok-2');
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/password');
    expect(JSON.parse(String(init.body))).toEqual({ currentPassword: 'old-password', newPassword: 'a-long-new-password' });
    expect(document.querySelector<HTMLDialogElement>('#password-dialog')!.open).toBe(false);
    expect(changed).toHaveBeenCalled();
  });
});
