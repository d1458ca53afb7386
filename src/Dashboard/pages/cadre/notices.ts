// How the cadre hears of a change: a toast (placed over the header bar, so it never covers a
// case's buttons), and a system notification once they turned them on (`#notify-enable`, a user
// gesture; `lib/cadre-notify.ts`).
import { byId } from '../../lib/dom';
import { notificationState, notify, requestNotifications } from '../../lib/cadre-notify';
import type { CommunityNames } from '../../lib/names';
import { tx } from './case-item';
import type { CadreQueue } from './queue';

/** How long a toast stays. */
const TOAST_MS = 4_000;

export class Notices {
  private readonly toast = byId('toast');
  private toastTimer: number | undefined;

  constructor(private readonly queue: CadreQueue, private readonly names: CommunityNames) {}

  listen(): void {
    byId('notify-enable').addEventListener('click', () => void this.enable());
    this.renderState();
  }

  showToast(text: string): void {
    this.toast.textContent = text;
    this.toast.hidden = false;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => { this.toast.hidden = true; }, TOAST_MS);
  }

  /** The system notifications of announced cases, once the fresh queue names their category and place. */
  notifyPending(): void {
    for (const id of [...this.queue.notifyPending]) {
      const c = this.queue.find(id);
      if (!c) continue;
      this.queue.notifyPending.delete(id);
      notify(tx('newCase'), tx('newCaseBody', { category: this.names.category(c.category), place: this.names.place(c.location) || '—' }), id);
    }
  }

  renderState(): void {
    const state = notificationState();
    byId('notify-row').hidden = state === 'unsupported';
    byId('notify-enable').hidden = state !== 'default';
    const el = byId('notify-state');
    el.dataset['permission'] = state;
    el.textContent = state === 'granted' ? tx('notifyOn') : state === 'denied' ? tx('notifyDenied') : '';
  }

  private async enable(): Promise<void> {
    await requestNotifications();
    this.renderState();
  }
}
