// The staff session a page runs under (board, cadre, officials' board, admin): the token, renewed
// silently before it runs out; the header's language switch and account menu (change password,
// sign out); and what happens when the server no longer takes the token — the renewal stops, the
// hub stops, the page hides and the sign-in form comes back with a notice.
import { mountAccountMenu } from './account-menu';
import { ApiError, renewSignIn, signOutSession } from './api';
import { clearSession, isExpired, storeSession, type Session } from './auth';
import { byId, setMessage } from './dom';
import type { HubHandle } from './hub';
import { mountLanguageSwitch } from './i18n';
import { SessionRenewal } from './renewal';
import { renderSignIn, requireSession } from './signin';

export interface StaffPageParts {
  /** Resource key of the notice shown with the sign-in form once the token expired (`board.expired`). */
  expiredKey: string;
  signin: HTMLElement;
  /** What the page shows when signed in; hidden when the session ends. */
  section: HTMLElement;
  /** `#connection-state` of a live page. */
  connectionState?: HTMLElement;
  pageMessage: HTMLElement;
}

export class StaffSession {
  /** Set when the server refused the token or what the page asks for: no point in going live. */
  refused = false;
  private session: Session | null;
  private hub: HubHandle | null = null;
  private menu: HTMLElement | null = null;
  private readonly endHooks: (() => void)[] = [];
  private readonly renewal: SessionRenewal;

  constructor(private readonly parts: StaffPageParts) {
    this.session = requireSession(parts.signin);
    this.renewal = new SessionRenewal({
      current: () => this.session,
      renew: renewSignIn,
      renewed: (session) => this.replace(session),
      ended: (why) => this.expire(why === 'ended' ? 'signin.ended' : parts.expiredKey),
    });
    if (!this.session) return;
    this.renewal.start();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.renewal.wake();
    });
  }

  /** The token and who it is, or null when the sign-in form shows instead. */
  get current(): Session | null {
    return this.session;
  }

  /** The current bearer token (it changes with every renewal: read it at each call). */
  get token(): string {
    return this.session?.token ?? '';
  }

  /** A fresh token of this session (renewal, password change): kept for every later call and the hub's next connect. */
  replace(session: Session): void {
    this.session = session;
    storeSession(session);
    this.renewal.start();
  }

  /** Language switch and, once signed in, the account menu in the header. */
  mountHeader(): void {
    const right = byId('topbar-right');
    mountLanguageSwitch(right);
    if (!this.session) return;
    this.menu = mountAccountMenu(right, this.session, {
      current: () => this.session,
      replace: (session) => this.replace(session),
      signOut: () => void this.signOut(),
      ended: () => this.expire('signin.ended'),
      changed: (text) => setMessage(this.parts.pageMessage, text, 'ok'),
    }, byId('language-switch'));
  }

  /** Runs when the session ends (a poller to stop): nothing may ask the API without a token. */
  onEnd(hook: () => void): void {
    this.endHooks.push(hook);
  }

  /** The hub to stop when the session ends. */
  attachHub(hub: HubHandle): void {
    this.hub = hub;
  }

  /** Ends the session on the server (its token is refused from then on), then shows the sign-in form. */
  async signOut(): Promise<void> {
    const token = this.token;
    this.end('signin.signedOut');
    if (token) await signOutSession(token).catch(() => undefined);
  }

  /** The token is no good any more: stop, hide the page and ask to sign in again, saying why (`noticeKey`). */
  expire(noticeKey: string = this.refusedKey()): void {
    this.end(noticeKey);
  }

  /** A token refused before it ran out was ended on the server (signed out elsewhere, password changed, account disabled). */
  private refusedKey(): string {
    return this.session && !isExpired(this.session) ? 'signin.ended' : this.parts.expiredKey;
  }

  /** True (and the session ended) when `err` says the token is no good. */
  handleAuthError(err: unknown): boolean {
    if (!(err instanceof ApiError && err.status === 401)) return false;
    this.expire();
    return true;
  }

  private end(noticeKey: string): void {
    this.refused = true;
    this.renewal.stop();
    void this.hub?.stop();
    this.hub = null;
    for (const hook of this.endHooks.splice(0)) hook();
    this.session = null;
    clearSession();
    this.menu?.remove();
    this.menu = null;
    this.parts.section.hidden = true;
    if (this.parts.connectionState) this.parts.connectionState.hidden = true;
    setMessage(this.parts.pageMessage, null);
    renderSignIn(this.parts.signin, { notice: noticeKey });
  }
}
