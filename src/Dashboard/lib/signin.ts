// First-cut staff sign-in: paste a bearer token (or open the page with `#token=…`).
import { clearToken, currentSession, decodeJwt, isExpired, storeToken, type Session } from './auth';
import { h, setMessage } from './dom';
import { t } from './i18n';

/**
 * Resolve the staff session, or render the sign-in form into `container` and return null.
 * A successful sign-in stores the token and reloads the page (one clean start path). `problem` is
 * a resource key (`board.expired`, `signin.error.expired` …): the texts carry `data-i18n`, so a
 * language switch (`translateDocument`) turns the form and its message in place.
 */
export function requireSession(container: HTMLElement, problem?: string | null): Session | null {
  const { session, problem: tokenProblem } = currentSession();
  if (session && !problem) return session;
  renderSignIn(container, problem ?? tokenProblem);
  return null;
}

export function renderSignIn(container: HTMLElement, problem?: string | null): void {
  const textarea = h('textarea', {
    id: 'signin-token', name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false',
    placeholder: 'eyJhbGciOi…', 'aria-describedby': 'signin-error',
  });
  const error = h('p', { class: 'message', id: 'signin-error', role: 'alert', hidden: true });
  const form = h('form', { id: 'signin-form', class: 'card', novalidate: true },
    h('h1', { 'data-i18n': 'signin.heading' }, t('signin.heading')),
    h('p', { class: 'hint', 'data-i18n': 'signin.hint' }, t('signin.hint')),
    h('div', { class: 'field' },
      h('label', { for: 'signin-token', 'data-i18n': 'signin.token' }, t('signin.token')),
      textarea,
    ),
    error,
    h('button', { type: 'submit', id: 'signin-submit', class: 'block', 'data-i18n': 'signin.submit' }, t('signin.submit')),
  );
  const showProblem = (key: string): void => {
    setMessage(error, t(key), 'error');
    error.dataset['i18n'] = key;
  };
  if (problem) showProblem(problem);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = textarea.value.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeJwt(token);
    if (!claims || !claims.sub) {
      showProblem('signin.error.unreadable');
      return;
    }
    if (isExpired(claims)) {
      showProblem('signin.error.expired');
      return;
    }
    storeToken(token);
    window.location.reload();
  });

  container.replaceChildren(form);
  container.hidden = false;
  textarea.focus();
}

/** Forget the token and start again at the sign-in form. */
export function signOut(): void {
  clearToken();
  window.location.reload();
}
