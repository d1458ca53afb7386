// Early warnings of collective grievances (群体性信访): the board's list of `surgeAlert`s — read
// from `GET /api/v1/alerts?scope=` at every (re)connect and pushed live — one entry per alert id
// (a warning may come twice after a silo crash). On a community board each offers to convene a
// 7+X meeting with the warning's cases ticked. The officials' page lists them too (sub-district and county).
// Texts from locales/{zh,en}/surge.json.
import { request } from '../../lib/api';
import { beep } from '../../lib/beep';
import { byId, h } from '../../lib/dom';
import { formatDateTime, t } from '../../lib/i18n';
import type { Board } from './board';

/** The `surgeAlert` push and an entry of `GET /api/v1/alerts`. */
export interface SurgeAlert {
  alertId: string;
  communityId: string;
  subdistrictId: string;
  compound: string;
  building?: string | null;
  category: string;
  count: number;
  windowMinutes: number;
  expected: number;
  at: string;
  caseIds: string[];
}

/** Alerts shown at most. */
const SHOWN = 20;

/** Newest first, one per id; an alert heard again changes nothing. */
export function mergeAlerts(known: readonly SurgeAlert[], incoming: readonly SurgeAlert[]): SurgeAlert[] {
  const byId = new Map(known.map((a) => [a.alertId, a]));
  for (const a of incoming) if (!byId.has(a.alertId)) byId.set(a.alertId, a);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at) || b.alertId.localeCompare(a.alertId)).slice(0, SHOWN);
}

export class Surges {
  private alerts: SurgeAlert[] = [];
  private readonly fresh = new Set<string>();

  constructor(private readonly board: Pick<Board, 'place' | 'session' | 'names'>, private readonly convene: (alert: SurgeAlert, topic: string) => void) {}

  private get scope(): string {
    const { place } = this.board;
    return place.kind === 'scope' ? place.scopeId : place.communityId;
  }

  listen(): void {
    byId('surge-list').addEventListener('click', (event) => {
      const id = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-convene-alert]')?.dataset['conveneAlert'];
      const alert = this.alerts.find((a) => a.alertId === id);
      if (alert) this.convene(alert, t('surge.topic', { category: this.board.names.of(alert.communityId).category(alert.category), where: this.where(alert) }));
    });
  }

  /** The alerts as the server lists them (after every (re)connect). */
  async load(): Promise<void> {
    const { session } = this.board;
    if (!session.current) return;
    try {
      const listed = await request<SurgeAlert[]>(`/api/v1/alerts?scope=${encodeURIComponent(this.scope)}`, { token: session.token });
      this.alerts = mergeAlerts(this.alerts, listed);
      this.render();
    } catch (err) {
      session.handleAuthError(err);
    }
  }

  /** A live `surgeAlert`: announced once. */
  receive(alert: SurgeAlert): void {
    if (this.alerts.some((a) => a.alertId === alert.alertId)) return;
    this.alerts = mergeAlerts(this.alerts, [alert]);
    this.fresh.add(alert.alertId);
    beep();
    this.render();
  }

  render(): void {
    const section = byId('surge-section');
    section.hidden = this.alerts.length === 0;
    section.dataset['surgeCount'] = String(this.alerts.length);
    byId('surge-list').replaceChildren(...this.alerts.map((a) => this.item(a)));
  }

  private where(a: SurgeAlert): string {
    const compound = this.board.names.of(a.communityId).compound(a.compound);
    return a.building ? t('surge.inBuilding', { compound, building: a.building }) : compound;
  }

  private item(a: SurgeAlert): HTMLElement {
    const names = this.board.names.of(a.communityId);
    const text = t('surge.text', {
      count: a.count, category: names.category(a.category), where: this.where(a), minutes: a.windowMinutes, expected: a.expected.toFixed(2),
    });
    const canConvene = this.board.place.kind === 'community' && this.board.place.communityId === a.communityId;
    return h('li', { 'data-alert-id': a.alertId, 'data-fresh': this.fresh.has(a.alertId) ? 'true' : 'false' },
      h('strong', {}, text), ' ',
      h('span', { class: 'muted' }, t('surge.at', { at: formatDateTime(a.at), cases: a.caseIds.length })),
      canConvene
        ? h('button', { type: 'button', class: 'small', 'data-convene-alert': a.alertId }, t('surge.convene'))
        : '');
  }
}
