import { describe, expect, it } from 'vitest';
import { breakdown, LEVELS, percent } from '../lib/level-kpis';

const figures = (resolved: number, accepted = resolved, extra: Partial<Record<string, number>> = {}) => ({
  submitted: accepted, accepted, resolved, resolvedAtCommunity: 0, rated: 0, satisfied: 0, basicallySatisfied: 0, ...extra,
});

describe('the officials\' KPI breakdown', () => {
  const buckets = [
    { byLevel: [{ key: 'community', figures: figures(6, 8) }, { key: 'subdistrict', figures: figures(1, 2) }] },
    { byLevel: [{ key: 'community', figures: figures(2, 2) }, { key: 'leader', figures: figures(1, 1) }] },
  ];

  it('adds each level\'s counts over the days and gives its share of everything resolved', () => {
    const rows = breakdown(buckets, (b) => b.byLevel, LEVELS);

    expect(rows.map((r) => [r.key, r.resolved, r.shareOfResolved])).toEqual([
      ['community', 8, 0.8], ['subdistrict', 1, 0.1], ['department', 0, 0], ['leader', 1, 0.1],
    ]);
    expect(rows[0]!.resolutionRate).toBe(0.8);
  });

  it('has no share and no rate where nothing was resolved or accepted', () => {
    const rows = breakdown([{ byLevel: [{ key: 'community', figures: figures(0, 0) }] }], (b) => b.byLevel);

    expect(rows).toHaveLength(1);
    expect(rows[0]!.shareOfResolved).toBeNull();
    expect(rows[0]!.resolutionRate).toBeNull();
    expect(percent(rows[0]!.resolutionRate)).toBe('—');
  });

  it('sorts groups by key with the cases without one last, and counts satisfaction over the rated', () => {
    const rows = breakdown([{ g: [
      { key: null, figures: figures(1) },
      { key: 'petitions', figures: figures(2, 2, { rated: 2, satisfied: 1, basicallySatisfied: 0 }) },
      { key: 'housing', figures: figures(1) },
    ] }], (b) => b.g);

    expect(rows.map((r) => r.key)).toEqual(['housing', 'petitions', null]);
    expect(percent(rows[1]!.satisfactionRate)).toBe('50%');
  });
});
