// First-cut staff sign-in: paste a bearer token (or open the page with `#token=…`).
import { clearToken, currentSession, decodeJwt, isExpired, storeToken, type Session } from './auth';
import { bi, h, setMessage } from './dom';

/**
 * Resolve the staff session, or render the sign-in form into `container` and return null.
 * A successful sign-in stores the token and reloads the page (one clean start path).
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
    h('h1', {}, bi('工作人员登录', 'Staff sign-in')),
    h('p', { class: 'hint' }, bi('粘贴分配给您的访问令牌。', 'Paste the access token you were given.')),
    h('div', { class: 'field' },
      h('label', { for: 'signin-token' }, bi('访问令牌', 'Access token')),
      textarea,
    ),
    error,
    h('button', { type: 'submit', id: 'signin-submit', class: 'block' }, bi('登录', 'Sign in')),
  );
  if (problem) setMessage(error, problem, 'error');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = textarea.value.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeJwt(token);
    if (!claims || !claims.sub) {
      setMessage(error, '令牌无法识别 · The token could not be read.', 'error');
      return;
    }
    if (isExpired(claims)) {
      setMessage(error, '令牌已过期 · The token has expired.', 'error');
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
