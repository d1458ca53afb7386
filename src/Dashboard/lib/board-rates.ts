// Cases per hour by category since the page loaded (seeded from the open cases' submission
// times): each case counts once, in the hour it arrived. Pure: no DOM, no clock.

export const HOUR_MS = 3_600_000;

/** The start of the (local) hour holding `at`, in ms. */
export function hourStart(at: string | number | Date): number {
  const d = new Date(typeof at === 'number' ? at : at instanceof Date ? at.getTime() : Date.parse(at));
  if (Number.isNaN(d.getTime())) return Number.NaN;
  d.setMinutes(0, 0, 0);
  return d.getTime();
}

export interface HourSeries {
  /** Hour starts (ms), oldest first. */
  hours: number[];
  /** Counts per category, one per hour, categories sorted by id. */
  byCategory: { category: string; counts: number[] }[];
}

export class PerHourCounter {
  private readonly counted = new Set<string>();
  /** hour start → category → count */
  private readonly counts = new Map<number, Map<string, number>>();

  /** Count a case arriving at `at` in `category`; a case already counted is ignored. Returns whether it counted. */
  record(caseId: string, category: string, at: string | number): boolean {
    if (this.counted.has(caseId)) return false;
    const hour = hourStart(at);
    if (Number.isNaN(hour)) return false;
    this.counted.add(caseId);
    let row = this.counts.get(hour);
    if (!row) this.counts.set(hour, (row = new Map()));
    row.set(category, (row.get(category) ?? 0) + 1);
    return true;
  }

  has(caseId: string): boolean {
    return this.counted.has(caseId);
  }

  /** The last `hours` hours up to and including the one holding `now`, every hour present. */
  series(now: number, hours = 12): HourSeries {
    const last = hourStart(now);
    const starts: number[] = [];
    for (let i = hours - 1; i >= 0; i--) starts.push(last - i * HOUR_MS);
    const categories = new Set<string>();
    for (const start of starts) for (const c of this.counts.get(start)?.keys() ?? []) categories.add(c);
    return {
      hours: starts,
      byCategory: [...categories].sort().map((category) => ({
        category,
        counts: starts.map((start) => this.counts.get(start)?.get(category) ?? 0),
      })),
    };
  }
}

/** Event types that mean a case has arrived on the board (counted once per case). */
export const ARRIVAL_EVENTS: ReadonlySet<string> = new Set(['submitted', 'accepted']);
