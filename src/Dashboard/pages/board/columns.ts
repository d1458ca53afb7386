// The cases as columns by status or as one list (the most urgent deadline first), the counters
// above them and the filter's count; neither while the map shows (its card then sits beside the
// map). Cards come from `Cards`; focus survives a redraw.
import { activeFilterCount, matchesFilter } from '../../lib/board-filters';
import { relevantDeadline } from '../../lib/deadlines';
import { byId, focusedId, reconcileChildren, restoreFocus } from '../../lib/dom';
import { modeText } from '../../lib/labels';
import type { CaseView } from '../../lib/types';
import { tx, type Board } from './board';
import type { Cards } from './cards';
import { COLUMNS, columnFor, type Column } from './place';

/** The list's order: the nearest deadline first, cases without one last, then the oldest first. */
export function byUrgency(a: CaseView, b: CaseView): number {
  const deadlineOf = (c: CaseView): number => {
    const d = relevantDeadline(c);
    return d ? Date.parse(d.at) : Number.POSITIVE_INFINITY;
  };
  return deadlineOf(a) - deadlineOf(b) || a.submittedAt.localeCompare(b.submittedAt);
}

export class Columns {
  private readonly columnsEl = byId('columns');
  private readonly listSection = byId('case-list-section');
  private readonly listEl = byId('case-list');

  /** `mapShown`: the map shows instead of the columns and the list. */
  constructor(private readonly board: Board, private readonly cards: Cards, private readonly root: HTMLElement, private readonly mapShown: () => boolean) {}

  /** The cases the filter lets through. */
  shown(): CaseView[] {
    const { store } = this.board;
    const now = Date.now();
    return [...store.cases.values()].filter((c) => matchesFilter(c, store.filter, now, (c2) => this.searchWords(c2)));
  }

  render(): void {
    const { store } = this.board;
    const shown = this.shown();
    this.cards.prune(new Set(store.cases.keys()));
    const focus = focusedId(this.root);

    const map = this.mapShown();
    const list = store.view === 'list' && !map;
    this.columnsEl.hidden = list || map;
    this.listSection.hidden = !list;
    if (map) {
      for (const column of COLUMNS) this.container(column)?.replaceChildren();
      this.listEl.replaceChildren();
      this.setCount('list', shown.length);
    } else if (list) {
      for (const column of COLUMNS) this.container(column)?.replaceChildren();
      const sorted = [...shown].sort(byUrgency);
      reconcileChildren(this.listEl, sorted.map((c) => this.cards.card(c)));
      this.setCount('list', sorted.length);
    } else {
      this.listEl.replaceChildren();
      for (const column of COLUMNS) {
        const inColumn = shown.filter((c) => columnFor(c.status) === column).sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
        const container = this.container(column);
        if (container) reconcileChildren(container, inColumn.map((c) => this.cards.card(c)));
        this.setCount(column, inColumn.length);
      }
    }
    restoreFocus(focus);
    this.cards.flash(store.flashIds);

    const all = [...store.cases.values()];
    const inColumn = (col: Column): number => all.filter((c) => columnFor(c.status) === col).length;
    byId('count-open').textContent = String(store.cases.size);
    byId('count-waiting').textContent = String(inColumn('accepted'));
    byId('count-assigned').textContent = String(inColumn('assigned'));
    byId('count-acknowledged').textContent = String(inColumn('acknowledged'));
    byId('count-resolved-today').textContent = String(store.resolvedToday.size);
    const filterCount = byId('filter-count');
    filterCount.textContent = activeFilterCount(store.filter) > 0 ? tx('filter.shown', { shown: shown.length, total: store.cases.size }) : '';
    filterCount.dataset['shown'] = String(shown.length);
  }

  /** Extra words to search a case by: the names people read on its card. */
  private searchWords(c: CaseView): string {
    const n = this.board.names.of(c.communityId);
    return [n.category(c.category), n.place(c.location), c.mode ? modeText(c.mode) : ''].join(' ');
  }

  private container(column: Column | 'list'): HTMLElement | null {
    return document.querySelector<HTMLElement>(`[data-cards-for="${column}"]`);
  }

  private setCount(column: Column | 'list', n: number): void {
    const count = document.querySelector<HTMLElement>(`[data-count-for="${column}"]`);
    if (count) count.textContent = String(n);
  }
}
