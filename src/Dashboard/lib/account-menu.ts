// The staff header's account menu: who is signed in, "change password" and "sign out". The
// change-password dialog calls `POST /api/v1/auth/password`; its answer is a fresh token for this
// session (the change ends every other one).
import { ApiError, changePassword } from './api';
import { sessionFromAnswer, type Session } from './auth';
import { h, setMessage } from './dom';
import { t } from './i18n';
import { explainProblem, refusalOf } from './problems';

export interface AccountMenuHost {
  current: () => Session | null;
  /** A fresh token after the password change. */
  replace: (session: Session) => void;
  signOut: () => void;
  /** The change-password form met a 401 that is not a wrong password: the session is over. */
  ended: () => void;
  /** Says "password changed" on the page. */
  changed: (text: string) => void;
}

const text = (key: string, attrs: Record<string, string> = {}): HTMLElement =>
  h('span', { 'data-i18n': key, ...attrs }, t(key));

/** Mount the menu in the header (`host`), before `before` when given. */
export function mountAccountMenu(host: HTMLElement, session: Session, menu: AccountMenuHost, before?: Node | null): HTMLElement {
  const dialog = passwordDialog(menu);
  const open = h('button', { type: 'button', id: 'change-password-open', class: 'small secondary' }, text('signin.account.changePassword'));
  const signout = h('button', { type: 'button', id: 'signout', class: 'small secondary' }, text('common.signOut'));
  const details = h('details', { id: 'account-menu', class: 'account-menu' },
    h('summary', { id: 'account-name', 'data-username': session.claims.sub, title: session.claims.sub }, session.displayName),
    h('div', { class: 'account-menu-items' }, open, signout),
  );
  open.addEventListener('click', () => {
    details.open = false;
    dialog.showModal();
  });
  signout.addEventListener('click', () => menu.signOut());
  host.insertBefore(details, before ?? null);
  document.body.append(dialog);
  return details;
}

function passwordField(id: string, key: string, autocomplete: string): { field: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { id, name: id, type: 'password', required: true, autocomplete, maxlength: 256 });
  return { field: h('div', { class: 'field' }, h('label', { for: id, 'data-i18n': key }, t(key)), input), input };
}

function passwordDialog(menu: AccountMenuHost): HTMLDialogElement {
  const current = passwordField('password-current', 'signin.password.current', 'current-password');
  const fresh = passwordField('password-new', 'signin.password.new', 'new-password');
  const repeat = passwordField('password-repeat', 'signin.password.repeat', 'new-password');
  const error = h('p', { class: 'message', id: 'password-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', id: 'password-submit' }, text('signin.password.submit'));
  const cancel = h('button', { type: 'button', id: 'password-cancel', class: 'secondary' }, text('signin.password.cancel'));
  const form = h('form', { id: 'password-form', novalidate: true },
    h('h2', { 'data-i18n': 'signin.password.heading' }, t('signin.password.heading')),
    h('p', { class: 'hint', 'data-i18n': 'signin.password.hint' }, t('signin.password.hint')),
    current.field, fresh.field, repeat.field, error,
    h('div', { class: 'dialog-buttons' }, submit, cancel),
  );
  const dialog = h('dialog', { id: 'password-dialog', class: 'card', 'aria-labelledby': 'password-heading' }, form);
  form.querySelector('h2')?.setAttribute('id', 'password-heading');
  const fail = (key: string | null, message?: string): void => {
    setMessage(error, message ?? (key ? t(key) : null), 'error');
    if (key) error.dataset['i18n'] = key;
    else delete error.dataset['i18n'];
  };
  const reset = (): void => {
    form.reset();
    fail(null);
  };
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', reset);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = menu.current();
    if (!session || submit.disabled) return;
    if (!current.input.value || !fresh.input.value || !repeat.input.value) return fail('signin.password.missing');
    if (fresh.input.value !== repeat.input.value) return fail('signin.password.mismatch');
    submit.disabled = true;
    void changePassword(session.token, current.input.value, fresh.input.value).then((answer) => {
      const next = sessionFromAnswer(answer);
      if (!next) throw new ApiError(500, null);
      menu.replace(next);
      dialog.close();
      menu.changed(t('signin.password.changed'));
    }).catch((err: unknown) => {
      if (!(err instanceof ApiError)) return fail('common.error.other');
      const { code } = refusalOf(err.problem);
      if (code === 'sign-in-failed') return fail('signin.password.wrongCurrent');
      if (err.status === 400) return fail('signin.password.weak');
      if (err.status === 401) {
        dialog.close();
        return menu.ended();
      }
      return fail(null, explainProblem(err.status, err.problem));
    }).finally(() => {
      submit.disabled = false;
    });
  });
  return dialog;
}
