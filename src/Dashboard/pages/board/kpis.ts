// KPIs of a community board: tiles for today and this month from `GET /api/v1/metrics/summary`
// and every `metricsUpdated` push (the newer `at` wins), a bar chart of the same rates, and cases
// per hour by category for the last hours (Chart.js, `lib/board-charts.ts`).
import { request } from '../../lib/api';
import { BoardCharts } from '../../lib/board-charts';
import { batched } from '../../lib/coalesce';
import { KPI_TILES, formatRate, formatUpdatedAt, type MetricsSummary } from '../../lib/board-kpi';
import { byId, h } from '../../lib/dom';
import { formatDateTime, locale, t } from '../../lib/i18n';
import { tx, type Board } from './board';

/** Hours shown on the per-hour chart. */
const PER_HOUR_WINDOW = 12;

export class Kpis {
  private charts: BoardCharts | null = null;
  private perHourSignature = '';

  constructor(private readonly board: Board) {}

  /** Draw the charts from now on; the per-hour chart moves on to a new hour by itself. */
  start(): void {
    const community = this.board.place.kind === 'community';
    this.charts = new BoardCharts(community ? byId<HTMLCanvasElement>('chart-kpi') : null, byId<HTMLCanvasElement>('chart-per-hour'));
    window.setInterval(() => this.renderPerHour(), 60_000);
  }

  /** Read the figures; KPIs are a side view, so a failure waits for the next push. */
  async load(): Promise<void> {
    const { place, session } = this.board;
    if (!session.current || place.kind !== 'community') return;
    try {
      this.receive(await request<MetricsSummary>(`/api/v1/metrics/summary?scope=${encodeURIComponent(place.communityId)}`, { token: session.token }));
    } catch {
      // The board works without them; the next push fills them in.
    }
  }

  receive(summary: MetricsSummary): void {
    if (this.board.store.receiveMetrics(summary)) this.render();
  }

  render(): void {
    if (this.board.place.kind !== 'community') return;
    const { metrics } = this.board.store;
    for (const tile of KPI_TILES) {
      const el = byId(tile.id);
      const today = metrics?.today?.[tile.field] ?? null;
      const month = metrics?.thisMonth?.[tile.field] ?? null;
      el.dataset['value'] = today === null ? '' : String(today);
      el.dataset['month'] = month === null ? '' : String(month);
      el.replaceChildren(
        h('span', { class: 'kpi-value' }, formatRate(today)),
        h('span', { class: 'kpi-label' }, t(tile.text), h('small', { class: 'muted' }, ` · ${tx('kpi.today')}`)),
        h('span', { class: 'kpi-month muted' }, tx('kpi.month', { value: formatRate(month) })),
      );
    }
    byId('kpi-updated').textContent = metrics ? tx('kpi.updated', { time: formatUpdatedAt(metrics.at) }) : '';
    this.charts?.showKpis({
      labels: KPI_TILES.map((tile) => t(tile.text)),
      today: KPI_TILES.map((tile) => metrics?.today?.[tile.field] ?? null),
      month: KPI_TILES.map((tile) => metrics?.thisMonth?.[tile.field] ?? null),
      todayLabel: tx('kpi.today'),
      monthLabel: tx('kpi.month', { value: '' }).trim(),
    });
  }

  /** Draw the per-hour chart soon (arrivals come in bursts). */
  readonly schedulePerHour = batched(() => this.renderPerHour(), 250);

  renderPerHour(): void {
    if (!this.charts) return;
    const { store, names, place } = this.board;
    const series = store.perHour.series(Date.now(), PER_HOUR_WINDOW);
    const signature = JSON.stringify([series, locale()]);
    if (signature === this.perHourSignature) return;
    this.perHourSignature = signature;
    const categoryName = (id: string): string => {
      const owner = [...store.cases.values()].find((c) => c.category === id)?.communityId ?? place.communityId;
      return owner ? names.of(owner).category(id) : id;
    };
    this.charts.showPerHour(series, (ms) => formatDateTime(new Date(ms), { hour: '2-digit', minute: '2-digit', hour12: false }), categoryName);
  }
}
