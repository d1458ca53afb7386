// The board's KPI tiles: which figures they show and how a rate and their time read. Pure.

import { formatDateTime } from './i18n';

/** The rates of a KPI figures object (docs/kpis.md); a rate with nothing to measure is null. */
export interface KpiFigures {
  acceptanceRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  onTimeAcknowledgeRate: number | null;
  onTimeResolutionRate: number | null;
  communityLevelShare: number | null;
  [other: string]: number | null;
}

/** The `metricsUpdated` push and `GET /api/v1/metrics/summary` answer. */
export interface MetricsSummary {
  communityId: string;
  at: string;
  dayStart: string;
  today: KpiFigures;
  monthStart: string;
  thisMonth: KpiFigures;
}

export const KPI_TILES = [
  { id: 'kpi-acceptance', field: 'acceptanceRate', text: 'board.kpi.acceptance' },
  { id: 'kpi-resolution', field: 'resolutionRate', text: 'board.kpi.resolution' },
  { id: 'kpi-satisfaction', field: 'satisfactionRate', text: 'board.kpi.satisfaction' },
  { id: 'kpi-ontime-acknowledge', field: 'onTimeAcknowledgeRate', text: 'board.kpi.onTimeAck' },
  { id: 'kpi-ontime-resolve', field: 'onTimeResolutionRate', text: 'board.kpi.onTimeResolve' },
  { id: 'kpi-community-share', field: 'communityLevelShare', text: 'board.kpi.communityShare' },
] as const;

/** A fraction 0–1 as a percentage with at most one decimal ("98.5%"); null/NaN reads "—". */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const pct = Math.round(value * 1000) / 10;
  return `${pct % 1 === 0 ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** Whether a summary is newer than the one shown (pushes and the first read may cross). */
export function isNewer(next: Pick<MetricsSummary, 'at'>, shown: Pick<MetricsSummary, 'at'> | null): boolean {
  if (!shown) return true;
  return Date.parse(next.at) >= Date.parse(shown.at);
}

/** When the figures were computed, on a 24-hour clock in either language, as every other time on the board ("14:05:09"). */
export function formatUpdatedAt(at: string, timeZone?: string): string {
  return formatDateTime(at, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone });
}
