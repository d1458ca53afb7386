import { describe, expect, it, vi } from 'vitest';
import { boardPlace, belongsHere, columnFor } from '../pages/board/place';
import { BoardStore, withUpdate } from '../pages/board/store';
import { ev, kase, push } from './fixtures';

const community = boardPlace('?community=ximen', { role: 'dispatcher', scope: 'ximen' });

function store(place = community) {
  let now = 1_000;
  const s = new BoardStore(place, () => now);
  const changed = vi.fn();
  s.changed = changed;
  return { s, changed, later: (ms: number) => { now += ms; } };
}

describe('which board the address and the token open', () => {
  it('opens the token\'s community, or the one asked for', () => {
    expect(community).toMatchObject({ kind: 'community', communityId: 'ximen', scopeId: '' });
    expect(boardPlace('', { role: 'dispatcher', scope: 'ximen' })).toMatchObject({ kind: 'community', communityId: 'ximen' });
  });

  it('opens a level\'s queue for ?scope=, and for department and county officials by default', () => {
    expect(boardPlace('?scope=xiguan', { role: 'admin', scope: '' })).toMatchObject({ kind: 'scope', scopeId: 'xiguan' });
    expect(boardPlace('', { role: 'leader', scope: 'county' })).toMatchObject({ kind: 'scope', scopeId: 'county' });
    expect(boardPlace('?community=ximen', { role: 'department', scope: 'housing' })).toMatchObject({ kind: 'community', communityId: 'ximen' });
  });

  it('keeps a scope board to its level and a community board to its community', () => {
    const scope = boardPlace('?scope=xiguan', null);
    expect(belongsHere(scope, { communityId: 'ximen', levelOwnerId: 'xiguan' })).toBe(true);
    expect(belongsHere(scope, { communityId: 'ximen', levelOwnerId: 'ximen' })).toBe(false);
    expect(belongsHere(community, { communityId: 'dongguan' })).toBe(false);
    expect(columnFor('submitted')).toBe('accepted');
    expect(columnFor('closed')).toBeNull();
  });
});

describe('the board store', () => {
  it('applies the next push over the case it knows, and flashes a card whose status changed', () => {
    const { s, changed } = store();
    s.takeSnapshot([kase()], [], 0);
    const assigned = ev(3, 'assigned', { status: 'assigned' });
    const outcome = s.receive(push('c-1', assigned, { assigneeId: 'k1', assignee: 'Wang' }));
    expect(outcome).toEqual({ fetch: false, alert: null });
    expect(s.cases.get('c-1')).toMatchObject({ status: 'assigned', assigneeId: 'k1', assignee: 'Wang' });
    expect(s.cases.get('c-1')?.timeline.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(s.flashIds.has('c-1')).toBe(true);
    expect(changed).toHaveBeenCalled();
  });

  it('ignores a late copy, reads the case again after a gap or for a case it has not seen', () => {
    const { s } = store();
    s.takeSnapshot([kase()], [], 0);
    expect(s.receive(push('c-1', ev(2, 'accepted')))).toEqual({ fetch: false, alert: null });
    expect(s.receive(push('c-1', ev(5, 'assigned', { status: 'assigned' })))).toEqual({ fetch: true, alert: null });
    expect(s.cases.get('c-1')?.status).toBe('accepted');
    expect(s.receive(push('c-9', ev(1, 'submitted')))).toEqual({ fetch: true, alert: null });
  });

  it('ignores another community\'s pushes, and a scope board lets go of a case that left its level', () => {
    const { s } = store();
    expect(s.receive(push('c-2', ev(1, 'submitted'), { communityId: 'dongguan' })).fetch).toBe(false);
    const scoped = store(boardPlace('?scope=xiguan', null)).s;
    scoped.takeSnapshot([kase({ levelOwnerId: 'xiguan' })], null, 0);
    scoped.receive(push('c-1', ev(3, 'returned'), { levelOwnerId: 'ximen' }));
    expect(scoped.cases.has('c-1')).toBe(false);
  });

  it('raises an alert for an overdue event, and for a case escalated to a scope board', () => {
    const { s } = store();
    s.takeSnapshot([kase()], [], 0);
    expect(s.receive(push('c-1', ev(3, 'acknowledgeOverdue'))).alert).toEqual({ kind: 'acknowledgeOverdue', key: 'c-1|acknowledgeOverdue|3' });
    const scoped = store(boardPlace('?scope=xiguan', null)).s;
    expect(scoped.receive(push('c-1', ev(3, 'escalated'), { levelOwnerId: 'xiguan' })))
      .toEqual({ fetch: true, alert: { kind: 'escalated', key: 'c-1|escalated|3' } });
  });

  it('re-reads a case after a push whose consequences it does not carry, and drops a closed case', () => {
    const { s } = store();
    s.takeSnapshot([kase({ status: 'resolved' })], [], 0);
    expect(s.receive(push('c-1', ev(3, 'reopened'), { status: 'accepted' })).fetch).toBe(true);
    s.receive(push('c-1', ev(4, 'rated', { status: 'closed' }), { status: 'closed' }));
    expect(s.cases.has('c-1')).toBe(false);
  });

  it('keeps a case a push touched after a slower snapshot started, and drops the rest that snapshot lacks', () => {
    const { s, later } = store();
    s.takeSnapshot([kase(), kase({ caseId: 'c-2' })], [], 0);
    const started = 1_000;
    later(10);
    s.receive(push('c-2', ev(3, 'assigned', { status: 'assigned' })));
    s.takeSnapshot([], [], started);
    expect([...s.cases.keys()]).toEqual(['c-2']);
  });

  it('does not let an older snapshot undo a newer push', () => {
    const { s } = store();
    s.takeSnapshot([kase()], [], 0);
    s.receive(push('c-1', ev(3, 'assigned', { status: 'assigned' })));
    s.takeCase(kase());
    expect(s.cases.get('c-1')?.status).toBe('assigned');
  });

  it('counts today\'s resolutions, even of cases that have left the board', () => {
    const { s } = store();
    const today = new Date().toISOString();
    s.takeSnapshot([kase()], [], 0);
    s.receive(push('c-1', ev(3, 'resolved', { status: 'resolved', at: today }), { status: 'resolved' }));
    s.receive(push('c-1', ev(4, 'rated', { status: 'closed', at: today }), { status: 'closed' }));
    expect(s.resolvedToday.has('c-1')).toBe(true);
    expect(s.cases.size).toBe(0);
  });

  it('takes a roster push unless it is older than the row it has', () => {
    const { s } = store();
    s.takeSnapshot([], [{ communityId: 'ximen', id: 'k1', name: 'Wang', categories: ['heating'], onDuty: true, load: 1, version: 5 }], 0);
    s.receiveRoster({ id: 'k1', name: 'Wang', categories: ['heating'], onDuty: false, load: 0, version: 4, communityId: 'ximen' });
    expect(s.roster.get('k1')?.onDuty).toBe(true);
    s.receiveRoster({ id: 'k1', name: 'Wang', categories: undefined as unknown as string[], onDuty: false, load: 0, version: 6, communityId: 'ximen' });
    expect(s.roster.get('k1')).toMatchObject({ onDuty: false, load: 0, categories: ['heating'] });
  });

  it('shows the newer KPI figures only', () => {
    const { s } = store();
    const at = (iso: string) => ({ communityId: 'ximen', at: iso, today: null, thisMonth: null }) as never;
    expect(s.receiveMetrics(at('2026-11-27T02:00:00Z'))).toBe(true);
    expect(s.receiveMetrics(at('2026-11-27T01:00:00Z'))).toBe(false);
  });

  it('keeps what a push does not say', () => {
    const known = kase({ mode: 'doForYou', assigneeId: 'k1', assignee: 'Wang' });
    const next = withUpdate(known, push('c-1', ev(3, 'acknowledged', { status: 'acknowledged' }), { status: 'acknowledged', assignee: null }));
    expect(next).toMatchObject({ status: 'acknowledged', mode: 'doForYou', assigneeId: 'k1', assignee: 'Wang' });
  });
});
