// The board's two charts with Chart.js (only the bar chart parts are registered, to keep the
// board's bundle small; the cadre page never imports this module).
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip,
} from 'chart.js';
import type { HourSeries } from './board-rates';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const PALETTE = ['#b3261e', '#1f6feb', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#795548', '#c2185b', '#546e7a', '#9e9d24'];

export interface KpiChartInput {
  labels: string[];
  today: (number | null)[];
  month: (number | null)[];
  todayLabel: string;
  monthLabel: string;
}

export class BoardCharts {
  private kpi: Chart<'bar', (number | null)[], string> | null = null;
  private perHour: Chart<'bar', number[], string> | null = null;

  constructor(private readonly kpiCanvas: HTMLCanvasElement | null, private readonly perHourCanvas: HTMLCanvasElement) {}

  /** Rates as percentages, today beside this month. */
  showKpis(input: KpiChartInput): void {
    if (!this.kpiCanvas) return;
    const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);
    const datasets = [
      { label: input.todayLabel, data: input.today.map(pct), backgroundColor: PALETTE[0] },
      { label: input.monthLabel, data: input.month.map(pct), backgroundColor: PALETTE[1] },
    ];
    if (!this.kpi) {
      this.kpi = new Chart(this.kpiCanvas, {
        type: 'bar',
        data: { labels: input.labels, datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
          scales: { y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      return;
    }
    this.kpi.data.labels = input.labels;
    this.kpi.data.datasets.forEach((d, i) => {
      const next = datasets[i];
      if (next) { d.label = next.label; d.data = next.data; }
    });
    this.kpi.update();
  }

  /** Stacked bars: cases per hour, one colour per category. */
  showPerHour(series: HourSeries, hourLabel: (ms: number) => string, categoryLabel: (id: string) => string): void {
    const labels = series.hours.map(hourLabel);
    const datasets = series.byCategory.map((row, i) => ({
      label: categoryLabel(row.category), data: row.counts, backgroundColor: PALETTE[i % PALETTE.length] ?? '#888',
    }));
    this.perHourCanvas.dataset['total'] = String(series.byCategory.reduce((s, r) => s + r.counts.reduce((a, b) => a + b, 0), 0));
    if (!this.perHour) {
      this.perHour = new Chart(this.perHourCanvas, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: { duration: 300 },
          scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { position: 'bottom' } },
        },
      });
      return;
    }
    this.perHour.data.labels = labels;
    this.perHour.data.datasets = datasets;
    this.perHour.update();
  }
}
