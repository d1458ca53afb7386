// The duty roster (busy, on duty, off; load) and assigning by drag and drop: a card dragged onto
// a roster row is assigned to that cadre; `lib/board-drop.ts` refuses the same cadre, an off-duty
// one or a case that cannot be assigned, and the card says why.
import { dropVerdict, resolveDropTarget, rosterState, type DropVerdict } from '../../lib/board-drop';
import { byId, h } from '../../lib/dom';
import { t } from '../../lib/i18n';
import type { RosterEntry } from '../../lib/types';
import { tx, type Board } from './board';
import type { Cards } from './cards';

const ORDER = { busy: 0, onDuty: 1, off: 2 } as const;

/** Busy first, then on duty, then off; the least loaded first; then by name. */
export function rosterOrder(a: RosterEntry, b: RosterEntry): number {
  return ORDER[rosterState(a)] - ORDER[rosterState(b)] || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN');
}

export class Roster {
  private readonly body = byId<HTMLTableSectionElement>('roster-body');
  /** The case being dragged (dataTransfer cannot be read during dragover). */
  private dragging: string | null = null;

  constructor(private readonly board: Board, private readonly cards: Cards) {}

  render(): void {
    const n = this.board.names.of(this.board.place.communityId);
    const entries = [...this.board.store.roster.values()].sort(rosterOrder);
    this.body.replaceChildren(...entries.map((entry) => {
      const state = rosterState(entry);
      return h('tr', {
        'data-cadre-id': entry.id, 'data-on-duty': String(entry.onDuty), 'data-roster-state': state, 'data-load': entry.load,
        'data-drop-target': 'assign',
      },
        h('td', { 'data-field': 'name' }, entry.name),
        h('td', { 'data-field': 'categories' }, entry.categories.map((id) => n.category(id)).join(t('common.listSeparator')) || t('common.none')),
        h('td', { 'data-field': 'onDuty' },
          h('span', { class: 'on-duty roster-state', 'data-on-duty': String(entry.onDuty), 'data-roster-state': state }, tx(`roster.${state}`))),
        h('td', { 'data-field': 'load' }, String(entry.load)),
      );
    }));
    if (entries.length === 0) this.body.append(h('tr', {}, h('td', { colspan: 4, class: 'muted' }, tx('roster.empty'))));
  }

  /** Cards under `cases` can be dragged onto the roster's rows. */
  listen(cases: HTMLElement): void {
    cases.addEventListener('dragstart', (event) => {
      const cardEl = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('.case-card[data-draggable="true"]');
      if (!cardEl || !event.dataTransfer) return;
      this.dragging = cardEl.dataset['caseId'] ?? null;
      event.dataTransfer.setData('text/plain', this.dragging ?? '');
      event.dataTransfer.effectAllowed = 'move';
      cardEl.classList.add('dragging');
      document.body.dataset['dragging'] = this.dragging ?? '';
    });
    cases.addEventListener('dragend', (event) => {
      (event.target as HTMLElement | null)?.classList?.remove('dragging');
      this.endDrag();
    });
    const table = byId('roster');
    table.addEventListener('dragover', (event) => {
      if (!this.dragging) return;
      const verdict = this.verdictAt(event.target);
      this.markDropRow(resolveDropTarget(event.target), verdict.ok);
      if (verdict.ok) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      }
    });
    table.addEventListener('dragleave', (event) => {
      if (!table.contains(event.relatedTarget as Node | null)) this.markDropRow(null, false);
    });
    table.addEventListener('drop', (event) => {
      event.preventDefault();
      const caseId = this.dragging ?? event.dataTransfer?.getData('text/plain') ?? '';
      this.dragging ??= caseId;
      const verdict = this.verdictAt(event.target);
      this.endDrag();
      if (!verdict.ok) {
        if (caseId) {
          this.board.store.messages.set(caseId, { text: tx(`drop.${verdict.reason}`), kind: 'error' });
          this.cards.forget(caseId);
          this.board.scheduleRender();
        }
        return;
      }
      const { actions } = this.board;
      void actions.perform(caseId, 'assign', { cadreId: verdict.cadreId }).catch((err: unknown) => actions.failed(caseId, err));
    });
  }

  private verdictAt(target: EventTarget | null): DropVerdict {
    const { store } = this.board;
    const cadreId = resolveDropTarget(target);
    const c = this.dragging ? store.cases.get(this.dragging) : undefined;
    return dropVerdict(c, cadreId, cadreId ? store.roster.get(cadreId) : undefined, !!c && this.cards.actionsFor(c).includes('assign'));
  }

  private markDropRow(cadreId: string | null, ok: boolean): void {
    this.body.querySelectorAll<HTMLElement>('tr[data-drop]').forEach((row) => { delete row.dataset['drop']; });
    if (!cadreId) return;
    const row = this.body.querySelector<HTMLElement>(`tr[data-cadre-id="${CSS.escape(cadreId)}"]`);
    if (row) row.dataset['drop'] = ok ? 'ok' : 'refused';
  }

  private endDrag(): void {
    this.dragging = null;
    delete document.body.dataset['dragging'];
    this.markDropRow(null, false);
  }
}
