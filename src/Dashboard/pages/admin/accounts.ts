// Staff accounts: the list (role, scope, disabled or locked), a new account, and per account: change
// name, role and scope; disable or enable; reset the password. Disabling or resetting ends the
// account's sessions at once (server-side).
import {
  createAccount, listAccounts, resetPassword, setAccountDisabled, updateAccount,
} from '../../lib/admin-api';
import { describeError } from '../../lib/api';
import { byId, formatTime, h, setMessage } from '../../lib/dom';
import type { AdminAccount } from '../../lib/types';
import { guard, roleOptions, scopeIds, tx, type AdminContext } from './context';
import { InputError, recordForm, type FieldSpec } from './form';

export class AccountsPanel {
  private accounts: AdminAccount[] = [];
  private readonly body = byId<HTMLTableSectionElement>('accounts-body');
  private readonly message = byId('accounts-message');

  constructor(private readonly ctx: AdminContext) {}

  async load(): Promise<void> {
    try {
      this.accounts = await listAccounts(this.ctx.session.token);
      this.render();
    } catch (err) {
      if (!this.ctx.session.handleAuthError(err)) setMessage(this.message, describeError(err), 'error');
    }
  }

  render(): void {
    byId('scope-ids').replaceChildren(...scopeIds(this.ctx.world).map((id) => h('option', { value: id })));
    byId('account-ids').replaceChildren(...this.accounts.map((a) => h('option', { value: a.username })));
    // A render caused by something else (the world arriving after the list, a language switch) keeps what the
    // admin is typing into the new account's form; only a created account clears it.
    const create = byId('account-create');
    if (!create.firstElementChild) create.replaceChildren(this.createForm());
    this.body.replaceChildren(...[...this.accounts].sort((a, b) => a.username.localeCompare(b.username)).map((a) => this.row(a)));
  }

  private fields(a?: AdminAccount): FieldSpec[] {
    return [
      { name: 'displayName', label: 'admin.account.displayName', kind: 'text', value: a?.displayName ?? '' },
      { name: 'role', label: 'admin.account.role', kind: 'select', options: roleOptions(), value: a?.role ?? 'cadre' },
      { name: 'scope', label: 'admin.account.scope', kind: 'text', value: a?.scope ?? '', list: 'scope-ids', hint: 'admin.account.scopeHint' },
    ];
  }

  private createForm(): HTMLFormElement {
    const fields: FieldSpec[] = [
      { name: 'username', label: 'admin.account.username', kind: 'text', maxlength: 64, hint: 'admin.account.usernameHint' },
      ...this.fields(),
      { name: 'password', label: 'admin.account.password', kind: 'password', maxlength: 256 },
    ];
    return recordForm('account-new', fields, 'admin.account.create', guard(this.ctx, async (v) => {
      const username = v.text('username');
      if (!username) throw new InputError('username', tx('required'));
      await createAccount(this.ctx.session.token, {
        username, displayName: v.text('displayName') || username, role: v.text('role'), scope: v.text('scope'), password: v.text('password'),
      });
      byId('account-create').replaceChildren(this.createForm());
      await this.afterChange(tx('account.created', { username }));
    }));
  }

  private row(a: AdminAccount): HTMLTableRowElement {
    const id = a.username.replace(/[^a-z0-9-]/gi, '_');
    const state = a.disabled ? tx('account.disabled')
      : a.lockedUntil && Date.parse(a.lockedUntil) > Date.now() ? tx('account.lockedUntil', { until: formatTime(a.lockedUntil) }) : tx('account.active');
    const toggle = h('button', { type: 'button', class: 'small secondary', 'data-action': a.disabled ? 'enable' : 'disable' },
      tx(a.disabled ? 'account.enable' : 'account.disable'));
    toggle.addEventListener('click', () => void this.toggle(a, toggle));
    const edit = recordForm(`account-edit-${id}`, this.fields(a), 'admin.save', guard(this.ctx, async (v) => {
      await updateAccount(this.ctx.session.token, a.username, { displayName: v.text('displayName'), role: v.text('role'), scope: v.text('scope') });
      await this.afterChange(tx('account.saved', { username: a.username }));
    }));
    const reset = recordForm(`account-reset-${id}`,
      [{ name: 'newPassword', label: 'admin.account.newPassword', kind: 'password', maxlength: 256 }], 'admin.account.reset', guard(this.ctx, async (v) => {
        await resetPassword(this.ctx.session.token, a.username, v.text('newPassword'));
        await this.afterChange(tx('account.resetDone', { username: a.username }));
      }));
    return h('tr', { 'data-username': a.username, 'data-role': a.role, 'data-disabled': String(a.disabled) },
      h('td', {}, h('strong', {}, a.username), h('br'), a.displayName),
      h('td', {}, tx(`role.${a.role}`)),
      h('td', {}, a.scope),
      h('td', { class: 'account-state' }, state),
      h('td', { class: 'row-actions' },
        // An admin does not disable their own account from here (nobody would be left to enable it).
        a.username === this.ctx.session.current?.claims.sub ? null : toggle,
        h('details', { class: 'fold', 'data-details': 'edit' }, h('summary', {}, tx('edit')), edit),
        h('details', { class: 'fold', 'data-details': 'reset' }, h('summary', {}, tx('account.reset')), reset),
      ),
    );
  }

  private async toggle(a: AdminAccount, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      await setAccountDisabled(this.ctx.session.token, a.username, !a.disabled);
      await this.afterChange(tx(a.disabled ? 'account.enabled' : 'account.disabledDone', { username: a.username }));
    } catch (err) {
      if (!this.ctx.session.handleAuthError(err)) setMessage(this.message, describeError(err), 'error');
      button.disabled = false;
    }
  }

  /** Says what was done above the list, which is read again. */
  private async afterChange(done: string): Promise<void> {
    this.ctx.changed();
    await this.load();
    setMessage(this.message, done, 'ok');
  }
}
