// The staff session a page runs under (board, cadre, officials' board): the token, the header's
// language switch and sign-out, and what happens when the server no longer takes the token — the
// hub stops, the page hides and the sign-in form comes back with a notice.
import { ApiError } from './api';
import type { Session } from './auth';
import { byId, setMessage } from './dom';
import type { HubHandle } from './hub';
import { mountLanguageSwitch } from './i18n';
import { renderSignIn, requireSession, signOut } from './signin';

export interface StaffPageParts {
  /** Resource key of the notice shown with the sign-in form once the token expired (`board.expired`). */
  expiredKey: string;
  signin: HTMLElement;
  /** What the page shows when signed in; hidden on expiry. */
  section: HTMLElement;
  connectionState: HTMLElement;
  pageMessage: HTMLElement;
}

export class StaffSession {
  /** The token and its claims, or null when the sign-in form shows instead. */
  readonly current: Session | null;
  /** Set when the server refused the token or what the page asks for: no point in going live. */
  refused = false;
  private hub: HubHandle | null = null;

  constructor(private readonly parts: StaffPageParts) {
    this.current = requireSession(parts.signin);
  }

  get token(): string {
    return this.current?.token ?? '';
  }

  /** Language switch in the header before the sign-out button, which shows once signed in. */
  mountHeader(): void {
    const right = byId('topbar-right');
    const signout = byId('signout');
    mountLanguageSwitch(right);
    right.insertBefore(byId('language-switch'), signout);
    if (!this.current) return;
    signout.hidden = false;
    signout.addEventListener('click', signOut);
  }

  /** The hub to stop when the session ends. */
  attachHub(hub: HubHandle): void {
    this.hub = hub;
  }

  /** The token is no good any more: stop, hide the page and ask to sign in again. */
  expire(): void {
    this.refused = true;
    void this.hub?.stop();
    this.hub = null;
    this.parts.section.hidden = true;
    this.parts.connectionState.hidden = true;
    setMessage(this.parts.pageMessage, null);
    renderSignIn(this.parts.signin, this.parts.expiredKey);
  }

  /** True (and the session ended) when `err` says the token is no good. */
  handleAuthError(err: unknown): boolean {
    if (!(err instanceof ApiError && err.status === 401)) return false;
    this.expire();
    return true;
  }
}
