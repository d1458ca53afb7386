import { describe, expect, it } from 'vitest';
import { boardActions, takenAtLevel } from '../lib/actions';
import { bodyFor } from '../lib/case-actions';
import { ev, kase } from './fixtures';

const official = { role: 'dispatcher', scope: 'wenshang-subdistrict' };
const atSubdistrict = (more: ReturnType<typeof ev>[] = []) => kase({
  status: 'acknowledged', level: 'subdistrict', levelOwnerId: 'wenshang-subdistrict',
  timeline: [ev(1, 'submitted'), ev(2, 'accepted'), ev(3, 'escalated', { reference: 'wenshang-subdistrict' }), ...more],
});

describe('taking a case at a level (接办)', () => {
  it('is offered first to the level\'s official while nobody has taken it there', () => {
    expect(boardActions(atSubdistrict(), official, { kind: 'scope' })).toEqual(['take', 'escalate', 'resolve', 'return']);
  });

  it('is no longer offered once taken, and the taking names who took it', () => {
    const taken = atSubdistrict([ev(4, 'taken', { actor: 'dispatcher:jiedao', actorName: 'jiedao' })]);

    expect(boardActions(taken, official, { kind: 'scope' })).not.toContain('take');
    expect(takenAtLevel(taken.timeline)?.actorName).toBe('jiedao');
  });

  it('is offered again after the case moved on to another level', () => {
    const moved = atSubdistrict([ev(4, 'taken'), ev(5, 'escalated'), ev(6, 'returned')]);

    expect(takenAtLevel(moved.timeline)).toBeNull();
    expect(boardActions(moved, official, { kind: 'scope' })).toContain('take');
  });

  it('is not offered at the community nor to another level\'s official', () => {
    expect(boardActions(kase({ status: 'acknowledged' }), { role: 'dispatcher', scope: 'ximen' }, { kind: 'community' })).not.toContain('take');
    expect(boardActions(atSubdistrict(), { role: 'department', scope: 'petitions' }, { kind: 'scope' })).toEqual([]);
  });

  it('sends an empty body', () => {
    expect(bodyFor('take', {})).toEqual({});
  });
});
