// The rules of /meetings that need no DOM: where the page is, and which meetings are to come or past.
import { describe, expect, it } from 'vitest';
import { destinationAfterSignIn } from '../lib/destination';
import { meetingsPlace, splitMeetings, type ConsultationSummary } from '../pages/meetings/context';

const dispatcher = { sub: 'ximen-dispatcher', role: 'dispatcher', scope: 'ximen' };
const liaison = { sub: 'housing-liaison', role: 'department', scope: 'housing' };
const cadre = { sub: 'wang-liqun', role: 'cadre', scope: 'ximen' };

describe('meetingsPlace', () => {
  it('opens one meeting from its path or ?id=', () => {
    expect(meetingsPlace('/meetings/K1', '', dispatcher).meetingId).toBe('K1');
    expect(meetingsPlace('/meetings', '?id=K2', dispatcher).meetingId).toBe('K2');
    expect(meetingsPlace('/meetings/', '', dispatcher).meetingId).toBeNull();
  });

  it('lists the level of a dispatcher or official by their scope, and a party with no level only by its inbox', () => {
    expect(meetingsPlace('/meetings', '', dispatcher).scope).toBe('ximen');
    expect(meetingsPlace('/meetings', '', liaison).scope).toBe('housing');
    expect(meetingsPlace('/meetings', '?scope=wenshang-subdistrict', dispatcher).scope).toBe('wenshang-subdistrict');
    expect(meetingsPlace('/meetings', '', cadre).scope).toBeNull();
  });

  it('lets only dispatchers convene, in their community, with the linked cases of ?cases= ticked', () => {
    const place = meetingsPlace('/meetings', '?convene=1&cases=A1,%20B2,,', dispatcher);
    expect(place).toMatchObject({ communityId: 'ximen', convene: true, cases: ['A1', 'B2'] });
    expect(meetingsPlace('/meetings', '?cases=A1', dispatcher).convene).toBe(true);
    expect(meetingsPlace('/meetings', '?community=dongguan', { ...dispatcher, scope: 'wenshang' }).communityId).toBe('dongguan');
    expect(meetingsPlace('/meetings', '?convene=1', liaison).communityId).toBeNull();
    expect(meetingsPlace('/meetings', '?convene=1', cadre).communityId).toBeNull();
  });
});

describe('splitMeetings', () => {
  const meeting = (id: string, time: string, status: ConsultationSummary['status']): ConsultationSummary => ({
    consultationId: id, communityId: 'ximen', topic: id, time, place: 'p', status, caseCount: 1, convenedAt: time, concludedAt: null,
  });

  it('puts meetings still to be held first, soonest first, and concluded ones latest first', () => {
    const { upcoming, past } = splitMeetings([
      meeting('later', '2026-12-10T08:00:00Z', 'convened'),
      meeting('old', '2026-11-01T08:00:00Z', 'concluded'),
      meeting('soon', '2026-12-05T08:00:00Z', 'convened'),
      meeting('recent', '2026-12-01T08:00:00Z', 'concluded'),
    ]);
    expect(upcoming.map((m) => m.consultationId)).toEqual(['soon', 'later']);
    expect(past.map((m) => m.consultationId)).toEqual(['recent', 'old']);
  });
});

describe('signing in from /meetings', () => {
  it('comes back to the meetings or the meeting, whatever the role', () => {
    expect(destinationAfterSignIn(liaison, '/meetings')).toBe('/meetings');
    expect(destinationAfterSignIn(cadre, '/meetings/K1')).toBe('/meetings/K1');
    expect(destinationAfterSignIn(dispatcher, '/meetings?convene=1&cases=A1,B2')).toBe('/meetings?convene=1&cases=A1,B2');
    expect(destinationAfterSignIn(cadre, '/meetings/K1/x')).toBe('/cadre');
  });
});
