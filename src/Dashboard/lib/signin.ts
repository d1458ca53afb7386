// Staff sign-in: username and password (`POST /api/v1/auth/login`). The form stands in for the page
// on the board, the cadre's phone, the officials' board and the admin page while nobody is signed
// in, and on its own at /signin. Signed in, the person goes back to the page they came from when
// their role works there, else to their role's own page (lib/destination.ts).
import { ApiError, signIn } from './api';
import { currentSession, sessionFromAnswer, storeSession, type Session } from './auth';
import { destinationAfterSignIn } from './destination';
import { h, setMessage } from './dom';
import { onLocaleChange, t } from './i18n';
import { getMyLevel } from './official-api';
import { explainProblem, explainRefusal, refusalOf } from './problems';

export interface SignInOptions {
  /** Resource key of a notice above the form: why the person must sign in again (`signin.ended` …). */
  notice?: string | null;
  /** The page to go back to (a path with its query); the current page when left out. */
  from?: string | null;
  /** How to go there (tests replace the navigation). */
  go?: (path: string) => void;
}

/** The error shown now, as a function so it is said again in the other language after a switch. */
let errorText: (() => string) | null = null;
let errorEl: HTMLElement | null = null;
let following = false;

function showError(el: HTMLElement, text: (() => string) | null): void {
  errorText = text;
  errorEl = el;
  setMessage(el, text ? text() : null, 'error');
  if (!following) {
    following = true;
    onLocaleChange(() => {
      if (errorEl?.isConnected && errorText) setMessage(errorEl, errorText(), 'error');
    });
  }
}

/** The session kept in this tab, or null after putting the sign-in form into `container`. */
export function requireSession(container: HTMLElement): Session | null {
  const { session, problem } = currentSession();
  if (session) return session;
  renderSignIn(container, { notice: problem });
  return null;
}

export function renderSignIn(container: HTMLElement, options: SignInOptions = {}): void {
  const username = h('input', {
    id: 'signin-username', name: 'username', type: 'text', required: true, autocomplete: 'username', autocapitalize: 'none',
    spellcheck: 'false', maxlength: 64, 'aria-describedby': 'signin-error',
  });
  const password = h('input', {
    id: 'signin-password', name: 'password', type: 'password', required: true, autocomplete: 'current-password',
    maxlength: 256, 'aria-describedby': 'signin-error',
  });
  const submit = h('button', { type: 'submit', id: 'signin-submit', class: 'block', 'data-i18n': 'signin.submit' }, t('signin.submit'));
  const error = h('p', { class: 'message', id: 'signin-error', role: 'alert', hidden: true });
  const notice = options.notice
    ? h('p', { class: 'message', id: 'signin-notice', role: 'status', 'data-kind': 'info', 'data-notice': options.notice, 'data-i18n': options.notice }, t(options.notice))
    : null;
  const form = h('form', { id: 'signin-form', class: 'card signin', novalidate: true },
    h('h1', { 'data-i18n': 'signin.heading' }, t('signin.heading')),
    notice,
    h('div', { class: 'field' }, h('label', { for: 'signin-username', 'data-i18n': 'signin.username' }, t('signin.username')), username),
    h('div', { class: 'field' }, h('label', { for: 'signin-password', 'data-i18n': 'signin.password' }, t('signin.password')), password),
    error,
    submit,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      showError(error, () => t('signin.error.missing'));
      (name ? password : username).focus();
      return;
    }
    submit.disabled = true;
    showError(error, null);
    void signIn(name, password.value).then((answer) => {
      const session = sessionFromAnswer(answer);
      if (!session) throw new ApiError(500, null);
      storeSession(session);
      const { pathname, search } = window.location;
      return destinationOf(session, options.from ?? pathname + search).then((path) => (options.go ?? ((to) => window.location.assign(to)))(path));
    }).catch((err: unknown) => {
      submit.disabled = false;
      password.value = '';
      password.focus();
      showError(error, () => refusalText(err));
    });
  });

  container.replaceChildren(form);
  container.hidden = false;
  (username.value ? password : username).focus();
}

/**
 * Where a signed-in person goes (lib/destination.ts). A dispatcher's scope may be a community, a sub-district or the
 * county: their level (GET /api/v1/levels/mine) says whether their page is the board or the officials' page.
 */
export async function destinationOf(session: Session, from: string | null | undefined): Promise<string> {
  const level = session.claims.role === 'dispatcher' ? await getMyLevel(session.token).then((l) => l.level, () => null) : null;
  return destinationAfterSignIn({ ...session.claims, level }, from);
}

/** Why the sign-in did not go through: the refusal (`sign-in-failed`, `account-locked` with its time), else the status. */
function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) return t('common.error.other');
  const { code, args } = refusalOf(err.problem);
  return explainRefusal(code, args) ?? (err.status === 401 ? t('signin.error.failed') : explainProblem(err.status, err.problem));
}
