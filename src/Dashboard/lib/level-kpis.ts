// The officials' KPI breakdowns, from a report's buckets (docs/kpis.md "Breakdowns"): the counts of
// each group added over the days, and the rates computed from those sums (rates cannot be added).
// Pure: no DOM, no clock.

/** The counts of a group that the officials' tables need. */
export interface GroupCounts {
  submitted: number;
  accepted: number;
  resolved: number;
  resolvedAtCommunity: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
}

export interface BreakdownRow extends GroupCounts {
  /** The group's key (a level, department or community id); null gathers the cases without one. */
  key: string | null;
  /** 办结率: resolved / accepted, null when nothing was accepted. */
  resolutionRate: number | null;
  /** 满意率: (satisfied + basically satisfied) / rated. */
  satisfactionRate: number | null;
  /** The group's share of everything resolved in the scope: resolved here / resolved in all groups. */
  shareOfResolved: number | null;
}

interface Group {
  key?: string | null;
  figures: GroupCounts;
}

/** The ladder's rungs in order, for the level table. */
export const LEVELS = ['community', 'subdistrict', 'department', 'leader'] as const;

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * One row per key over all the buckets, in `order` when given (missing keys as empty rows), else by key.
 * `pick` chooses the breakdown of a bucket (`byLevel`, `byDepartment`, `byCommunity`).
 */
export function breakdown<B>(buckets: readonly B[], pick: (bucket: B) => readonly Group[], order?: readonly string[]): BreakdownRow[] {
  const sums = new Map<string | null, GroupCounts>();
  for (const bucket of buckets) {
    for (const group of pick(bucket)) {
      const key = group.key ?? null;
      const sum = sums.get(key) ?? { submitted: 0, accepted: 0, resolved: 0, resolvedAtCommunity: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 };
      for (const name of Object.keys(sum) as (keyof GroupCounts)[]) sum[name] += group.figures[name];
      sums.set(key, sum);
    }
  }
  const keys: (string | null)[] = order
    ? [...order]
    : [...sums.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const totalResolved = [...sums.values()].reduce((n, s) => n + s.resolved, 0);
  return keys.map((key) => {
    const s = sums.get(key) ?? { submitted: 0, accepted: 0, resolved: 0, resolvedAtCommunity: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 };
    return {
      key,
      ...s,
      resolutionRate: rate(s.resolved, s.accepted),
      satisfactionRate: rate(s.satisfied + s.basicallySatisfied, s.rated),
      shareOfResolved: rate(s.resolved, totalResolved),
    };
  });
}

/** A rate as a whole percentage ("83%"), or a dash when there is nothing to divide by. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}
