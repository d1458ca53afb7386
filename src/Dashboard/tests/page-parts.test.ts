import { describe, expect, it } from 'vitest';
import { newlyBreached } from '../pages/board/alerts';
import { candidates, isWaiting } from '../pages/board/cards';
import { byUrgency } from '../pages/board/columns';
import { meetingRequest } from '../pages/board/meeting';
import { rosterOrder } from '../pages/board/roster';
import { trackingToken } from '../pages/track/page';
import { latest } from '../pages/track/steps';
import { videoState } from '../pages/track/video';
import type { RosterEntry } from '../lib/types';
import { ev, kase } from './fixtures';

const cadre = (id: string, over: Partial<RosterEntry> = {}): RosterEntry => ({ communityId: 'ximen', id, name: id, categories: [], onDuty: true, load: 0, ...over });

describe('the board\'s cards', () => {
  it('offers the on-duty cadres who take the category first, then the least loaded, never the assignee', () => {
    const roster = [cadre('a', { load: 0 }), cadre('b', { categories: ['heating'], load: 3 }), cadre('c', { onDuty: false }), cadre('d', { load: 1 })];
    expect(candidates(kase(), roster).map((r) => r.id)).toEqual(['b', 'a', 'd']);
    expect(candidates(kase({ assigneeId: 'b' }), roster).map((r) => r.id)).toEqual(['a', 'd']);
  });

  it('marks a case waiting for a cadre to come on duty', () => {
    expect(isWaiting(kase({ timeline: [ev(1, 'submitted'), ev(2, 'waiting')] }))).toBe(true);
    expect(isWaiting(kase({ status: 'assigned', timeline: [ev(1, 'waiting'), ev(2, 'assigned')] }))).toBe(false);
  });

  it('lists the nearest deadline first and cases without one last', () => {
    const soon = kase({ caseId: 'soon', deadlines: { offerExpiresAt: null, acknowledgeBy: '2026-11-27T02:00:00Z', resolveBy: null, rateBy: null } });
    const later = kase({ caseId: 'later', deadlines: { offerExpiresAt: null, acknowledgeBy: '2026-11-27T09:00:00Z', resolveBy: null, rateBy: null } });
    const none = kase({ caseId: 'none' });
    expect([none, later, soon].sort(byUrgency).map((c) => c.caseId)).toEqual(['soon', 'later', 'none']);
  });

  it('orders the roster busy, on duty, off, then by load', () => {
    const rows = [cadre('off', { onDuty: false }), cadre('free'), cadre('busy2', { load: 2 }), cadre('busy1', { load: 1 })];
    expect(rows.sort(rosterOrder).map((r) => r.id)).toEqual(['busy1', 'busy2', 'free', 'off']);
  });
});

describe('deadline alerts', () => {
  it('announces a breached acknowledge-by or resolve-by once, never an offer', () => {
    const now = Date.parse('2026-11-27T03:00:00Z');
    const late = kase({ deadlines: { offerExpiresAt: null, acknowledgeBy: '2026-11-27T02:00:00Z', resolveBy: null, rateBy: null } });
    const offer = kase({ caseId: 'c-2', status: 'assigned', deadlines: { offerExpiresAt: '2026-11-27T02:00:00Z', acknowledgeBy: '2026-11-27T09:00:00Z', resolveBy: null, rateBy: null } });
    expect(newlyBreached([late, offer], new Set(), now)).toEqual([{ caseId: 'c-1', key: 'c-1|2026-11-27T02:00:00Z' }]);
    expect(newlyBreached([late], new Set(['c-1|2026-11-27T02:00:00Z']), now)).toEqual([]);
  });
});

describe('the 7+X meeting form', () => {
  const draft = { caseIds: ['c-1'], topic: 'Parking', time: '2026-11-28T09:30', place: 'Hall', invited: [{ name: 'Zhao', role: 'owner' }, { name: '', role: '' }] };

  it('sends the picked cases and the named parties', () => {
    const planned = meetingRequest('ximen', draft);
    expect('body' in planned && planned.body).toMatchObject({ communityId: 'ximen', caseIds: ['c-1'], topic: 'Parking', place: 'Hall', invited: [{ name: 'Zhao', role: 'owner' }] });
  });

  it('says which fields are missing', () => {
    const planned = meetingRequest('ximen', { ...draft, caseIds: [], topic: '', time: 'soon', invited: [{ name: '', role: 'owner' }] });
    expect('errors' in planned && Object.keys(planned.errors).sort()).toEqual(['caseIds', 'invited.0.name', 'time', 'topic']);
  });
});

describe('the tracking page', () => {
  it('reads the token from /track/{token}, or ?token= on the dev server', () => {
    expect(trackingToken('/track/abc%2Bdef', '')).toBe('abc+def');
    expect(trackingToken('/track.html', '?token=xyz')).toBe('xyz');
    expect(trackingToken('/track/', '')).toBeNull();
  });

  it('shows the video meeting as the newest event tells it', () => {
    expect(videoState([], false).state).toBe('none');
    expect(videoState([], true).state).toBe('requested');
    expect(videoState([ev(3, 'videoPetitionRequested'), ev(4, 'videoPetitionScheduled')], false).state).toBe('scheduled');
    expect(videoState([ev(3, 'videoPetitionScheduled'), ev(5, 'videoPetitionHeld')], true).state).toBe('held');
    expect(videoState([ev(3, 'videoPetitionCancelled')], true).state).toBe('none');
  });

  it('finds the latest event of a type', () => {
    expect(latest([ev(3, 'resultHandedOver'), ev(7, 'resultHandedOver'), ev(5, 'resultHandedOver')], 'resultHandedOver')?.seq).toBe(7);
    expect(latest([ev(3, 'submitted')], 'resultHandedOver')).toBeNull();
  });
});
