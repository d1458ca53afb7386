// "While you were offline": after a drop, the queue the page showed is compared with the fresh
// one (`lib/cadre-diff.ts`) and `#offline-summary` says what changed. A case that left is read
// once to tell why (a refusal leaves it "no longer yours").
import { getCase } from '../../lib/api';
import { offlineChanges, summariseChanges, type OfflineChange } from '../../lib/cadre-diff';
import { byId, h } from '../../lib/dom';
import type { CadreView, CaseView } from '../../lib/types';
import { tx } from './case-item';

export class OfflineSummary {
  private readonly box = byId('offline-summary');
  private shown: OfflineChange[] | null = null;

  constructor() {
    byId('offline-dismiss').addEventListener('click', () => {
      this.box.hidden = true;
      this.shown = null;
    });
  }

  /** Compare and show; returns the changes (empty when nothing changed). */
  async report(token: string, before: readonly CaseView[], after: CadreView): Promise<OfflineChange[]> {
    const now = new Set(after.assignments.map((c) => c.caseId));
    const gone = new Map<string, CaseView | null>();
    await Promise.all(before.filter((c) => !now.has(c.caseId) && c.status !== 'closed').map(async (c) => {
      try {
        gone.set(c.caseId, await getCase(token, c.caseId));
      } catch {
        gone.set(c.caseId, null);
      }
    }));
    const changes = offlineChanges(before, after.assignments, after.id, gone);
    if (changes.length > 0) {
      this.shown = changes;
      this.render();
    }
    return changes;
  }

  /** The changes in one line each, for a system notification. */
  static lines(changes: readonly OfflineChange[]): string[] {
    return summariseChanges(changes).map(({ kind, count }) => tx(`offline.${kind}`, { count }));
  }

  /** Say it again (after a language switch). */
  render(): void {
    const changes = this.shown;
    if (!changes) return;
    byId('offline-changes').replaceChildren(...summariseChanges(changes).map(({ kind, count }) =>
      h('li', { 'data-change': kind, 'data-count': count }, tx(`offline.${kind}`, { count }),
        ' ', h('span', { class: 'muted mono' }, changes.filter((c) => c.kind === kind).map((c) => c.caseId).join(' ')))));
    this.box.dataset['changes'] = String(changes.length);
    this.box.hidden = false;
  }
}
