import { describe, expect, it } from 'vitest';
import { CadreQueue, queueOrder } from '../pages/cadre/queue';
import type { CadreView } from '../lib/types';
import { ev, kase, push } from './fixtures';

function queue(): CadreQueue {
  const q = new CadreQueue('k1');
  q.take({ id: 'k1', name: 'Wang', communityId: 'ximen', categories: ['heating'], onDuty: true, load: 1, assignments: [kase({ status: 'assigned', assigneeId: 'k1' })] } as CadreView);
  return q;
}

describe('the cadre\'s queue', () => {
  it('announces a new assignment once, however often the push comes', () => {
    const q = queue();
    const assigned = push('c-2', ev(3, 'assigned', { status: 'assigned' }), { status: 'assigned', assigneeId: 'k1' });
    expect(q.announce(assigned)).toBe('newCase');
    expect(q.announce(assigned)).toBeNull();
    expect(q.flashIds.has('c-2')).toBe(true);
    expect(q.notifyPending.has('c-2')).toBe(true);
  });

  it('does not announce another cadre\'s assignment, and tells of the resident\'s confirmation', () => {
    const q = queue();
    expect(q.announce(push('c-2', ev(3, 'assigned', { status: 'assigned' }), { status: 'assigned', assigneeId: 'k2' }))).toBeNull();
    expect(q.announce(push('c-1', ev(6, 'receiptConfirmed', { status: 'acknowledged', actor: 'resident' }), { status: 'acknowledged', assigneeId: 'k1' })))
      .toBe('residentConfirmed');
  });

  it('tells of the resident\'s confirmation once, though the case sends its pushes again after a restart', () => {
    const q = queue();
    const confirmed = push('c-1', ev(6, 'receiptConfirmed', { status: 'acknowledged', actor: 'resident' }), { status: 'acknowledged', assigneeId: 'k1' });
    expect(q.announce(confirmed)).toBe('residentConfirmed');
    expect(q.announce(confirmed)).toBeNull();
  });

  it('remembers what it showed when the line dropped, once, and hands it over with the fresh queue', () => {
    const q = queue();
    const shown = q.cadre?.assignments;
    q.rememberBeforeDrop();
    q.take({ ...(q.cadre as CadreView), assignments: [] });
    q.rememberBeforeDrop();
    const before = q.take({ ...(q.cadre as CadreView), assignments: [] });
    expect(before).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('puts the answered case in the queue at once, and lets it go when it is no longer ours', () => {
    const q = queue();
    q.takeResult(kase({ status: 'acknowledged', assigneeId: 'k1' }));
    expect(q.find('c-1')?.status).toBe('acknowledged');
    q.takeResult(kase({ status: 'assigned', assigneeId: 'k2' }));
    expect(q.find('c-1')).toBeUndefined();
  });

  it('takes roster pushes about itself in order, and says when its load changed', () => {
    const q = queue();
    expect(q.receiveRoster({ id: 'k1', name: 'Wang', categories: ['heating'], onDuty: true, load: 2, version: 2, communityId: 'ximen' }))
      .toEqual({ changed: true, loadChanged: true });
    expect(q.receiveRoster({ id: 'k1', name: 'Wang', categories: ['heating'], onDuty: false, load: 2, version: 1, communityId: 'ximen' }).changed).toBe(false);
    expect(q.receiveRoster({ id: 'k2', name: 'Li', categories: [], onDuty: false, load: 0, version: 3, communityId: 'ximen' }).changed).toBe(false);
    expect(q.cadre).toMatchObject({ onDuty: true, load: 2 });
  });

  it('lists offers first, then work in hand, oldest first', () => {
    const offer = kase({ caseId: 'o', status: 'assigned', submittedAt: '2026-11-27T05:00:00Z' });
    const work = kase({ caseId: 'w', status: 'acknowledged', submittedAt: '2026-11-27T01:00:00Z' });
    const older = kase({ caseId: 'o0', status: 'assigned', submittedAt: '2026-11-27T00:00:00Z' });
    expect([work, offer, older].sort(queueOrder).map((c) => c.caseId)).toEqual(['o0', 'o', 'w']);
  });
});
