import { describe, expect, it } from 'vitest';
import { residentActions } from '../lib/actions';
import { ev } from './fixtures';

describe("a resident's actions", () => {
  const resolved = { status: 'resolved' as const, mode: 'doItNow' as const, rating: null, timeline: [ev(1, 'resolved')] };

  it('offer the rating of a resolved case to its own resident', () => {
    expect(residentActions(resolved)).toEqual(['rate']);
  });

  it("offer nothing to a merged follower's token, which reads the primary case but acts only on its own", () => {
    expect(residentActions({ ...resolved, mergedFrom: 'c-follower' })).toEqual([]);
  });
});
