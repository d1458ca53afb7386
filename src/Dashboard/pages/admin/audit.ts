// The audit log of one UTC day: who changed what, when (every change an admin makes, and the
// account changes, land here).
import { getAudit } from '../../lib/admin-api';
import { describeError } from '../../lib/api';
import { byId, h, setMessage, timeEl } from '../../lib/dom';
import type { AuditEntry } from '../../lib/types';
import { tx, type AdminContext } from './context';

/** Today as the audit log counts days (UTC). */
export const utcDay = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

export class AuditPanel {
  private readonly day = byId<HTMLInputElement>('audit-day');
  private readonly body = byId<HTMLTableSectionElement>('audit-body');
  private readonly message = byId('audit-message');
  private entries: AuditEntry[] = [];

  constructor(private readonly ctx: AdminContext) {
    this.day.value = utcDay();
    this.day.addEventListener('change', () => void this.load());
  }

  async load(): Promise<void> {
    try {
      this.entries = await getAudit(this.ctx.session.token, this.day.value || utcDay());
      setMessage(this.message, null);
      this.render();
    } catch (err) {
      if (!this.ctx.session.handleAuthError(err)) setMessage(this.message, describeError(err), 'error');
    }
  }

  render(): void {
    this.body.replaceChildren(...[...this.entries].reverse().map((e) => h('tr', { 'data-audit-action': e.action, 'data-audit-target': e.target },
      h('td', {}, timeEl(e.at)), h('td', {}, e.actor), h('td', {}, h('code', {}, e.action)), h('td', {}, e.target), h('td', {}, e.detail))));
    byId('audit-empty').hidden = this.entries.length > 0;
    byId('audit-count').textContent = tx('audit.count', { n: this.entries.length });
  }
}
