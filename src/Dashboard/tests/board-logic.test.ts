import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, activeFilterCount, filterCases, isOverdue, matchesFilter } from '../lib/board-filters';
import { HOUR_MS, PerHourCounter, hourStart } from '../lib/board-rates';
import { dropVerdict, resolveDropTarget, rosterState } from '../lib/board-drop';
import type { CaseView } from '../lib/types';

function kase(over: Partial<CaseView> = {}): CaseView {
  return {
    caseId: 'c-1', communityId: 'ximen', kind: 'grievance', category: 'heating', description: '暖气不热 radiator cold',
    location: { compound: 'jishikou', building: '64', unit: null }, contact: { name: '王芳', phone: '13800000000' },
    status: 'accepted', mode: 'leadThrough', assigneeId: null, assignee: null, submittedAt: '2026-11-27T01:00:00Z', rating: null,
    level: 'community', levelOwnerId: 'ximen',
    deadlines: { offerExpiresAt: null, acknowledgeBy: '2026-11-27T02:00:00Z', resolveBy: '2026-11-28T01:00:00Z', rateBy: null },
    resolvedAtLevel: null, reopenCount: 0, closure: null, mergedInto: null, followers: [], possibleDuplicates: [], timeline: [],
    ...over,
  };
}

describe('board filters and search', () => {
  const now = Date.parse('2026-11-27T03:00:00Z');
  const a = kase();
  const b = kase({ caseId: 'c-2', category: 'parking', status: 'assigned', mode: 'doItNow', assigneeId: 'k1', assignee: '李强',
    location: { compound: 'ximen-garden', building: null, unit: null }, level: 'subdistrict', description: 'car blocks the gate',
    deadlines: { offerExpiresAt: '2026-11-27T09:00:00Z', acknowledgeBy: '2026-11-27T10:00:00Z', resolveBy: null, rateBy: null } });

  it('lets everything through with no filter', () => {
    expect(filterCases([a, b], EMPTY_FILTER, now)).toHaveLength(2);
    expect(activeFilterCount(EMPTY_FILTER)).toBe(0);
  });

  it('filters by status, category, compound, mode, level', () => {
    expect(filterCases([a, b], { ...EMPTY_FILTER, status: 'assigned' }, now).map((c) => c.caseId)).toEqual(['c-2']);
    expect(matchesFilter(kase({ status: 'submitted' }), { ...EMPTY_FILTER, status: 'accepted' }, now)).toBe(true);
    expect(filterCases([a, b], { ...EMPTY_FILTER, category: 'heating' }, now).map((c) => c.caseId)).toEqual(['c-1']);
    expect(filterCases([a, b], { ...EMPTY_FILTER, compound: 'ximen-garden' }, now).map((c) => c.caseId)).toEqual(['c-2']);
    expect(filterCases([a, b], { ...EMPTY_FILTER, mode: 'leadThrough' }, now).map((c) => c.caseId)).toEqual(['c-1']);
    expect(filterCases([a, b], { ...EMPTY_FILTER, mode: 'doItNow' }, now).map((c) => c.caseId)).toEqual(['c-2']);
    expect(filterCases([a, b], { ...EMPTY_FILTER, level: 'subdistrict' }, now).map((c) => c.caseId)).toEqual(['c-2']);
  });

  it('keeps only overdue cases when asked', () => {
    expect(isOverdue(a, now)).toBe(true);
    expect(isOverdue(b, now)).toBe(false);
    expect(filterCases([a, b], { ...EMPTY_FILTER, overdue: true }, now).map((c) => c.caseId)).toEqual(['c-1']);
  });

  it('searches case id and text, every word, ignoring case, with display words', () => {
    expect(filterCases([a, b], { ...EMPTY_FILTER, search: 'C-2' }, now).map((c) => c.caseId)).toEqual(['c-2']);
    expect(filterCases([a, b], { ...EMPTY_FILTER, search: 'RADIATOR 64' }, now).map((c) => c.caseId)).toEqual(['c-1']);
    expect(filterCases([a, b], { ...EMPTY_FILTER, search: 'radiator gate' }, now)).toEqual([]);
    expect(filterCases([a, b], { ...EMPTY_FILTER, search: '供暖' }, now, (c) => (c.category === 'heating' ? '供暖 Heating' : ''))
      .map((c) => c.caseId)).toEqual(['c-1']);
    expect(activeFilterCount({ ...EMPTY_FILTER, search: ' x ', overdue: true })).toBe(2);
  });
});

describe('cases per hour by category', () => {
  it('counts each case once, in the hour it arrived, per category', () => {
    const counter = new PerHourCounter();
    const base = hourStart('2026-11-27T08:10:00');
    expect(counter.record('c1', 'heating', base + 5 * 60_000)).toBe(true);
    expect(counter.record('c1', 'heating', base + 6 * 60_000)).toBe(false); // accepted after submitted
    counter.record('c2', 'heating', base + 50 * 60_000);
    counter.record('c3', 'parking', base + HOUR_MS + 1);
    counter.record('old', 'parking', base - 30 * HOUR_MS);
    const series = counter.series(base + HOUR_MS + 10, 3);
    expect(series.hours).toEqual([base - HOUR_MS, base, base + HOUR_MS]);
    expect(series.byCategory).toEqual([
      { category: 'heating', counts: [0, 2, 0] },
      { category: 'parking', counts: [0, 0, 1] },
    ]);
    expect(counter.has('c3')).toBe(true);
  });

  it('ignores times that do not parse', () => {
    const counter = new PerHourCounter();
    expect(counter.record('x', 'a', 'not a time')).toBe(false);
    expect(counter.has('x')).toBe(false);
  });
});

describe('drop to assign', () => {
  it('finds the cadre row under the drop point', () => {
    document.body.innerHTML = '<table><tbody><tr data-cadre-id="k7"><td><span id="inner">x</span></td></tr></tbody></table><p id="out">y</p>';
    expect(resolveDropTarget(document.getElementById('inner'))).toBe('k7');
    expect(resolveDropTarget(document.getElementById('inner')?.firstChild ?? null)).toBe('k7');
    expect(resolveDropTarget(document.getElementById('out'))).toBeNull();
    expect(resolveDropTarget(null)).toBeNull();
  });

  it('assigns only to another on-duty cadre when the case may be assigned', () => {
    const onDuty = { id: 'k7', onDuty: true };
    expect(dropVerdict({ assigneeId: null }, 'k7', onDuty, true)).toEqual({ ok: true, cadreId: 'k7', reassign: false });
    expect(dropVerdict({ assigneeId: 'k1' }, 'k7', onDuty, true)).toEqual({ ok: true, cadreId: 'k7', reassign: true });
    expect(dropVerdict({ assigneeId: 'k7' }, 'k7', onDuty, true)).toEqual({ ok: false, reason: 'sameCadre' });
    expect(dropVerdict({ assigneeId: null }, 'k7', { id: 'k7', onDuty: false }, true)).toEqual({ ok: false, reason: 'offDuty' });
    expect(dropVerdict({ assigneeId: null }, 'k7', onDuty, false)).toEqual({ ok: false, reason: 'notAllowed' });
    expect(dropVerdict({ assigneeId: null }, null, undefined, true)).toEqual({ ok: false, reason: 'noTarget' });
    expect(dropVerdict(undefined, 'k7', onDuty, true)).toEqual({ ok: false, reason: 'unknownCase' });
    expect(dropVerdict({ assigneeId: null }, 'kx', undefined, true)).toEqual({ ok: false, reason: 'unknownCadre' });
  });

  it('tells off duty, on duty and busy apart', () => {
    expect(rosterState({ onDuty: false, load: 3 })).toBe('off');
    expect(rosterState({ onDuty: true, load: 0 })).toBe('onDuty');
    expect(rosterState({ onDuty: true, load: 2 })).toBe('busy');
  });
});

describe('KPI tiles', async () => {
  const { formatRate, formatUpdatedAt, isNewer } = await import('../lib/board-kpi');
  const { setLocale } = await import('../lib/i18n');
  it('shows when the figures were computed on a 24-hour clock in English and in Chinese', () => {
    setLocale('en');
    expect(formatUpdatedAt('2026-11-27T14:05:09Z', 'UTC')).toBe('14:05:09');
    setLocale('zh');
    expect(formatUpdatedAt('2026-11-27T14:05:09Z', 'UTC')).toBe('14:05:09');
  });
  it('reads rates as percentages and an empty rate as a dash', () => {
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.985)).toBe('98.5%');
    expect(formatRate(0.33333)).toBe('33.3%');
    expect(formatRate(null)).toBe('—');
  });
  it('keeps the newest summary when a push and the first read cross', () => {
    expect(isNewer({ at: '2026-11-27T08:00:01Z' }, { at: '2026-11-27T08:00:00Z' })).toBe(true);
    expect(isNewer({ at: '2026-11-27T07:59:59Z' }, { at: '2026-11-27T08:00:00Z' })).toBe(false);
    expect(isNewer({ at: '2026-11-27T07:59:59Z' }, null)).toBe(true);
  });
});
