// Filters, search and the view toggle: the form's values go into the store's filter (the rules
// are `lib/board-filters.ts`); the drop-downs offer what is on the board; the view (columns or
// one list) is remembered in localStorage.
import { byId, h } from '../../lib/dom';
import { locale } from '../../lib/i18n';
import { LEVELS, levelText, MODES, modeText } from '../../lib/labels';
import { tx, type Board } from './board';
import { COLUMNS } from './place';
import type { View } from './store';

const VIEW_KEY = 'gongzhi.board.view';

/** The view this browser chose last time. */
export function rememberedView(): View {
  try { return localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'columns'; } catch { return 'columns'; }
}

export class Filters {
  private readonly form = byId<HTMLFormElement>('filters');
  private readonly viewToggle = byId<HTMLButtonElement>('view-toggle');

  /** `redraw` draws the cases again at once (a view switch should not wait). */
  constructor(private readonly board: Board, private readonly redraw: () => void) {}

  listen(): void {
    const { store } = this.board;
    const read = (): void => {
      const value = (id: string): string => byId<HTMLInputElement | HTMLSelectElement>(id).value;
      store.filter = {
        status: value('filter-status'), category: value('filter-category'), compound: value('filter-compound'),
        mode: value('filter-mode'), level: value('filter-level'), overdue: byId<HTMLInputElement>('filter-overdue').checked,
        search: value('search'),
      };
      this.board.scheduleRender();
    };
    this.form.addEventListener('input', read);
    this.form.addEventListener('change', read);
    this.form.addEventListener('submit', (event) => event.preventDefault());
    this.form.addEventListener('reset', () => window.setTimeout(read, 0));
    this.viewToggle.addEventListener('click', () => {
      store.view = store.view === 'columns' ? 'list' : 'columns';
      try { localStorage.setItem(VIEW_KEY, store.view); } catch { /* private mode */ }
      this.renderViewToggle();
      this.redraw();
    });
    // The overdue filter changes with the clock.
    window.setInterval(() => { if (store.filter.overdue) this.board.scheduleRender(); }, 15_000);
  }

  renderViewToggle(): void {
    const { view } = this.board.store;
    this.viewToggle.dataset['view'] = view;
    this.viewToggle.setAttribute('aria-pressed', String(view === 'list'));
    this.viewToggle.textContent = view === 'columns' ? tx('view.showList') : tx('view.showColumns');
    document.body.dataset['view'] = view;
  }

  /** The drop-downs offer the statuses, modes and levels, and the categories and compounds on the board. */
  renderOptions(): void {
    const { place, store, names } = this.board;
    const cases = [...store.cases.values()];
    fillSelect('filter-status', COLUMNS.map((s) => ({ value: s, label: tx(`column.${s}`) })));
    const community = place.kind === 'community' ? names.of(place.communityId) : null;
    const known = community?.loaded ? community : null;
    const namesFor = (find: (c: (typeof cases)[number]) => boolean) => known ?? names.of(cases.find(find)?.communityId ?? '');
    const categoryIds = new Set(cases.map((c) => c.category));
    const compoundIds = new Set(cases.map((c) => c.location?.compound).filter((x): x is string => !!x));
    fillSelect('filter-category', [...categoryIds].sort().map((id) => ({ value: id, label: namesFor((c) => c.category === id).category(id) })));
    fillSelect('filter-compound', [...compoundIds].sort().map((id) => ({ value: id, label: namesFor((c) => c.location?.compound === id).compound(id) })));
    fillSelect('filter-mode', [
      ...MODES.map((m) => ({ value: m, label: modeText(m) })),
      { value: 'none', label: tx('filter.noMode') },
    ]);
    fillSelect('filter-level', LEVELS.map((l) => ({ value: l, label: levelText(l) })));
  }
}

function fillSelect(id: string, options: readonly { value: string; label: string }[]): void {
  const select = byId<HTMLSelectElement>(id);
  // Rebuild only when the choices change, so an open drop-down is not pulled from under the user.
  const signature = JSON.stringify([options, locale()]);
  if (select.dataset['signature'] === signature) return;
  select.dataset['signature'] = signature;
  const current = select.value;
  select.replaceChildren(h('option', { value: '' }, tx('filter.any')), ...options.map((o) => h('option', { value: o.value }, o.label)));
  select.value = options.some((o) => o.value === current) ? current : '';
}
