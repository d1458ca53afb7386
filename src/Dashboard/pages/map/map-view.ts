// The "List | Map" switch and the map of the cases a page lists (the board's, filtered as its list
// is; the officials' level queue). The map's state lives in the URL (`?view=map`), so a reload or a
// shared link opens it again. Leaflet is imported only when the map is first shown; the cases come
// from the page's own store (its live sync keeps them current), the outlines from each community's
// places GeoJSON, read once. Choosing a marker shows the case's card beside the map. Texts: map.json.
import { request } from '../../lib/api';
import { h } from '../../lib/dom';
import { locale, t } from '../../lib/i18n';
import { markersFor, PlaceIndex, type CompoundOutline, type MappableCase, type MarkerSpec, type PlacesCollection } from '../../lib/map-places';
import { loadMapSettings, tileSource } from '../../lib/map-settings';
import { statusText } from '../../lib/labels';
import type { CaseView } from '../../lib/types';
import type { BoardNames } from '../board/place';
import type { CaseMap } from './case-map';

/** A text from locales/{zh,en}/map.json. */
export const mx = (key: string, params?: Record<string, string | number>): string => t(`map.${key}`, params);

/** True when the address asks for the map (`?view=map`). */
export function mapInUrl(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'map';
}

/** The address with the map on or off, every other parameter kept. */
export function urlWithMap(href: string, on: boolean): string {
  const url = new URL(href);
  if (on) url.searchParams.set('view', 'map');
  else url.searchParams.delete('view');
  return url.pathname + url.search + url.hash;
}

export interface MapHost {
  /** The cases the page lists now (the map shows the same). */
  cases(): CaseView[];
  /** The communities whose compounds to outline. */
  communities(): string[];
  names: BoardNames;
  /** The case's card, as the page's list shows it, with its actions. */
  card(c: CaseView): HTMLElement;
  /** The switch changed: the page draws its list again (emptied while the map shows). */
  switched(): void;
}

/** How often the markers' lateness is worked out again while no push comes. */
const LATENESS_REDRAW_MS = 15_000;

const LEGEND_STATUSES = ['accepted', 'assigned', 'acknowledged', 'resolved'] as const;

export class MapView {
  shown = mapInUrl(window.location.search);
  private readonly listButton = h('button', { type: 'button', id: 'show-list', class: 'small secondary' });
  private readonly mapButton = h('button', { type: 'button', id: 'show-map', class: 'small secondary' });
  private readonly switchEl = h('div', { class: 'view-switch', id: 'view-switch', role: 'group' }, this.listButton, this.mapButton);
  private readonly canvas = h('div', { id: 'case-map', class: 'case-map', role: 'region' });
  private readonly detail = h('div', { id: 'map-detail', class: 'map-detail', 'aria-live': 'polite' });
  private readonly legend = h('ul', { id: 'map-legend', class: 'map-legend' });
  private readonly unplaced = h('p', { id: 'map-unplaced', class: 'hint', hidden: true });
  readonly section = h('section', { id: 'map-section', class: 'map-section', hidden: true },
    h('div', { class: 'map-layout' }, this.canvas, this.detail), this.legend, this.unplaced);
  private readonly places = new Map<string, PlaceIndex>();
  private readonly loading = new Set<string>();
  private map: CaseMap | null = null;
  private starting: Promise<void> | null = null;
  private selected: string | null = null;

  /** Put the switch before `switchBefore` and the map before `listEl`. */
  constructor(private readonly host: MapHost, switchBefore: HTMLElement, listEl: HTMLElement) {
    switchBefore.before(this.switchEl);
    listEl.before(this.section);
    this.listButton.addEventListener('click', () => this.show(false));
    this.mapButton.addEventListener('click', () => this.show(true));
    this.renderTexts();
  }

  /** Texts in the page's language (call again after a switch). */
  renderTexts(): void {
    this.switchEl.setAttribute('aria-label', mx('switch.label'));
    this.listButton.textContent = mx('switch.list');
    this.mapButton.textContent = mx('switch.map');
    this.listButton.setAttribute('aria-pressed', String(!this.shown));
    this.mapButton.setAttribute('aria-pressed', String(this.shown));
    this.canvas.setAttribute('aria-label', mx('heading'));
    this.legend.setAttribute('aria-label', mx('legend.heading'));
    const swatch = (attrs: Record<string, string>, text: string): HTMLElement =>
      h('li', {}, h('span', { class: 'map-marker legend-swatch', 'aria-hidden': 'true', ...attrs }), ' ', text);
    this.legend.replaceChildren(
      ...LEGEND_STATUSES.map((s) => swatch({ 'data-status': s, 'data-deadline-state': 'ok', 'data-legend': s }, statusText(s))),
      swatch({ 'data-status': 'assigned', 'data-level': 'subdistrict', 'data-deadline-state': 'ok', 'data-legend': 'escalated' }, mx('legend.escalated')),
      swatch({ 'data-status': 'assigned', 'data-deadline-state': 'amber', 'data-legend': 'amber' }, mx('legend.amber')),
      swatch({ 'data-status': 'assigned', 'data-deadline-state': 'red', 'data-legend': 'red' }, mx('legend.red')),
    );
    if (!this.selected) this.detail.replaceChildren(h('p', { class: 'hint', id: 'map-detail-hint' }, mx('detailHint')));
  }

  /** Draw the map again from the page's cases (a no-op while the list shows). */
  render(): void {
    this.section.hidden = !this.shown;
    document.body.dataset['mapShown'] = String(this.shown);
    if (!this.shown) return;
    if (!this.map) {
      this.starting ??= this.start();
      return;
    }
    const cases = this.host.cases();
    for (const id of this.host.communities()) void this.loadPlaces(id);
    const outlines = [...this.places.values()].flatMap((p) => p.outlines);
    this.map.setOutlines(outlines, (o) => this.compoundName(o));
    const specs = markersFor(cases as MappableCase[], this.places, Date.now());
    const byId = new Map(cases.map((c) => [c.caseId, c]));
    this.map.setMarkers(specs, (spec) => this.label(byId.get(spec.caseId)!, spec));
    const placedIds = new Set(specs.map((s) => s.caseId));
    const away = cases.filter((c) => !placedIds.has(c.caseId) && this.places.has(c.communityId)).length;
    this.unplaced.hidden = away === 0;
    this.unplaced.textContent = away > 0 ? mx('unplaced', { count: away }) : '';
    this.renderDetail(byId);
  }

  private show(on: boolean): void {
    if (on === this.shown) return;
    this.shown = on;
    window.history.replaceState(window.history.state, '', urlWithMap(window.location.href, on));
    this.renderTexts();
    this.host.switched();
    this.render();
  }

  private async start(): Promise<void> {
    const [{ CaseMap: Leaflet }, settings] = await Promise.all([import('./case-map'), loadMapSettings()]);
    this.map = new Leaflet(this.canvas, tileSource(settings), (caseId) => this.select(caseId));
    this.render();
    // Lateness moves with the clock, not only with pushes.
    window.setInterval(() => { if (this.shown) this.render(); }, LATENESS_REDRAW_MS);
  }

  private async loadPlaces(communityId: string): Promise<void> {
    if (!communityId || this.places.has(communityId) || this.loading.has(communityId)) return;
    this.loading.add(communityId);
    try {
      const places = await request<PlacesCollection>(`/api/v1/communities/${encodeURIComponent(communityId)}/places`);
      this.places.set(communityId, new PlaceIndex(communityId, places));
      this.render();
    } catch {
      // A community without places (404) or a lost network: its cases stay off the map; the next draw asks again.
    } finally {
      this.loading.delete(communityId);
    }
  }

  private select(caseId: string): void {
    this.selected = caseId;
    this.render();
    this.detail.querySelector<HTMLElement>('.case-card')?.focus();
  }

  private renderDetail(cases: ReadonlyMap<string, CaseView>): void {
    const c = this.selected ? cases.get(this.selected) : undefined;
    if (!c) {
      this.selected = null;
      if (!this.detail.querySelector('#map-detail-hint')) this.detail.replaceChildren(h('p', { class: 'hint', id: 'map-detail-hint' }, mx('detailHint')));
      return;
    }
    const card = this.host.card(c);
    card.tabIndex = -1;
    if (this.detail.firstElementChild !== card || this.detail.childElementCount !== 1) this.detail.replaceChildren(card);
  }

  private label(c: CaseView, spec: MarkerSpec): string {
    const n = this.host.names.of(c.communityId);
    const late = spec.lateness === 'red' || spec.lateness === 'amber' ? ` · ${mx(`legend.${spec.lateness}`)}` : '';
    return mx('marker', { caseId: c.caseId, category: n.category(c.category), status: statusText(c.status) }) + late;
  }

  private compoundName(o: CompoundOutline): string {
    return (locale() === 'en' ? o.nameEn : o.name) ?? o.name;
  }
}
