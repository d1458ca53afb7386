import { describe, expect, it } from 'vitest';
import { offlineChanges, summariseChanges } from '../lib/cadre-diff';
import type { CaseEvent, CaseView } from '../lib/types';

const ev = (seq: number, type: CaseEvent['type'], actor = 'system', status: CaseEvent['status'] = 'assigned'): CaseEvent =>
  ({ seq, type, status, at: `2026-11-27T0${Math.min(seq, 9)}:00:00Z`, actor, actorName: null, note: null });

function kase(id: string, over: Partial<CaseView> = {}): CaseView {
  return {
    caseId: id, communityId: 'ximen', kind: 'service', category: 'heating', description: '', location: { compound: 'a', building: null, unit: null }, contact: { name: '', phone: '' },
    status: 'acknowledged', mode: 'doItNow', assigneeId: 'k1', assignee: '张', submittedAt: '2026-11-27T00:00:00Z', rating: null,
    level: 'community', levelOwnerId: 'ximen',
    deadlines: { offerExpiresAt: null, acknowledgeBy: null, resolveBy: null, rateBy: null },
    resolvedAtLevel: null, reopenCount: 0, closure: null, mergedInto: null, followers: [], possibleDuplicates: [],
    timeline: [ev(1, 'submitted'), ev(2, 'assigned'), ev(3, 'acknowledged', 'cadre:k1')],
    ...over,
  };
}

describe('while you were offline', () => {
  it('finds nothing when nothing changed, or only our own steps', () => {
    const a = kase('a');
    expect(offlineChanges([a], [a], 'k1')).toEqual([]);
    const mine = kase('a', { timeline: [...a.timeline, ev(4, 'workStarted' as CaseEvent['type'], 'cadre:k1')] });
    expect(offlineChanges([a], [mine], 'k1')).toEqual([]);
  });

  it('reports a new assignment', () => {
    const b = kase('b', { status: 'assigned', category: 'parking' });
    expect(offlineChanges([], [b], 'k1')).toEqual([{ kind: 'newAssignment', caseId: 'b', category: 'parking' }]);
  });

  it('tells why a case left the queue when the server says', () => {
    const a = kase('a');
    const b = kase('b');
    const c = kase('c');
    const d = kase('d');
    const gone = new Map<string, CaseView | null>([
      ['a', kase('a', { assigneeId: 'k2', status: 'assigned', timeline: [...a.timeline, ev(4, 'reassigned', 'dispatcher:d1')] })],
      ['b', kase('b', { status: 'resolved', timeline: [...b.timeline, ev(4, 'resolved', 'subdistrict:s1', 'resolved')] })],
      ['c', kase('c', { level: 'subdistrict', assigneeId: 'k1' })],
      ['d', null],
    ]);
    expect(offlineChanges([a, b, c, d], [], 'k1', gone).map((x) => [x.caseId, x.kind])).toEqual([
      ['a', 'reassignedAway'], ['b', 'resolvedByOther'], ['c', 'escalated'], ['d', 'removed'],
    ]);
  });

  it('reads news on cases still in the queue', () => {
    const a = kase('a');
    const resolvedByOther = kase('a', { status: 'resolved', timeline: [...a.timeline, ev(4, 'resolved', 'dispatcher:d1', 'resolved')] });
    expect(offlineChanges([a], [resolvedByOther], 'k1')[0]?.kind).toBe('resolvedByOther');
    const reopened = kase('a', { timeline: [...a.timeline, ev(4, 'reopened', 'resident')] });
    expect(offlineChanges([a], [reopened], 'k1')[0]?.kind).toBe('reopened');
    const mode = kase('a', { timeline: [...a.timeline, ev(4, 'modeChanged', 'dispatcher:d1')] });
    expect(offlineChanges([a], [mode], 'k1')[0]?.kind).toBe('modeChanged');
    const confirmed = kase('a', { timeline: [...a.timeline, ev(4, 'ledThroughConfirmed' as CaseEvent['type'], 'resident')] });
    expect(offlineChanges([a], [confirmed], 'k1')[0]?.kind).toBe('residentConfirmed');
  });

  it('sums changes by kind in a fixed order', () => {
    expect(summariseChanges([
      { kind: 'removed', caseId: 'x', category: '' },
      { kind: 'newAssignment', caseId: 'y', category: '' },
      { kind: 'newAssignment', caseId: 'z', category: '' },
    ])).toEqual([{ kind: 'newAssignment', count: 2 }, { kind: 'removed', count: 1 }]);
  });
});
