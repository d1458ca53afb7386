// A community's standing parties of its 7+X consultations: id, name, role and the staff account
// that speaks for it (if any). The list is saved whole.
import { saveStandingParties } from '../../lib/admin-api';
import { ApiError, describeError } from '../../lib/api';
import { byId, h, setMessage } from '../../lib/dom';
import { t } from '../../lib/i18n';
import type { AdminCommunity, AdminParty } from '../../lib/types';
import { tx, type AdminContext } from './context';

const FIELDS = ['id', 'name', 'role', 'accountId'] as const;

export class PartiesPanel {
  private readonly form = byId<HTMLFormElement>('parties-form');
  private readonly rows = byId<HTMLTableSectionElement>('parties-body');
  private readonly message = byId('parties-message');

  constructor(private readonly ctx: AdminContext, private readonly community: () => AdminCommunity | null, private readonly say: (text: string) => void) {
    byId('party-add').addEventListener('click', () => {
      this.rows.append(this.row({ id: '', name: '', role: '', accountId: null }, this.rows.rows.length));
      this.rows.querySelector<HTMLInputElement>('tr:last-child input')?.focus();
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
  }

  render(): void {
    setMessage(this.message, null);
    this.rows.replaceChildren(...(this.community()?.standingParties ?? []).map((p, i) => this.row(p, i)));
  }

  private row(p: AdminParty, i: number): HTMLTableRowElement {
    const remove = h('button', { type: 'button', class: 'small secondary', 'data-action': 'remove-party' }, tx('party.remove'));
    const tr = h('tr', { 'data-party-id': p.id },
      ...FIELDS.map((f) => h('td', {}, h('input', {
        name: f, type: 'text', value: p[f] ?? '', maxlength: f === 'id' || f === 'accountId' ? 64 : 100, autocomplete: 'off',
        'aria-label': `${tx(`party.${f}`)} ${i + 1}`, list: f === 'accountId' ? 'account-ids' : null,
      }))),
      h('td', {}, remove));
    remove.addEventListener('click', () => tr.remove());
    return tr;
  }

  private async save(): Promise<void> {
    const community = this.community();
    if (!community) return;
    const parties = [...this.rows.rows].map((tr) => {
      const value = (f: string): string => tr.querySelector<HTMLInputElement>(`input[name="${f}"]`)?.value.trim() ?? '';
      return { id: value('id'), name: value('name'), role: value('role'), accountId: value('accountId') || null };
    });
    const button = this.form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      await saveStandingParties(this.ctx.session.token, community.id, { parties });
      this.ctx.changed();
      await this.ctx.reloadWorld();
      this.say(tx('party.saved'));
    } catch (err) {
      if (this.ctx.session.handleAuthError(err)) return;
      const fields = err instanceof ApiError ? Object.keys(err.fieldErrors) : [];
      setMessage(this.message, fields.length ? `${describeError(err)}: ${fields.join(t('common.listSeparator'))}` : describeError(err), 'error');
    } finally {
      if (button) button.disabled = false;
    }
  }
}
