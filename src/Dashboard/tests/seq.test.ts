import { describe, expect, it } from 'vitest';
import { SeqSync, SeqTracker, type SeqUpdate } from '../lib/seq';

function live(): { sync: SeqSync<SeqUpdate>; shown: number[]; resyncs: string[] } {
  const shown: number[] = [];
  const resyncs: string[] = [];
  const sync = new SeqSync<SeqUpdate>({ apply: (u) => shown.push(u.seq), resync: (id) => resyncs.push(id) });
  return { sync, shown, resyncs };
}

describe('SeqTracker', () => {
  it('applies updates in order and ignores stale copies', () => {
    const seq = new SeqTracker();
    seq.snapshot('c1', 3);
    expect(seq.observe('c1', 4)).toBe('apply');
    expect(seq.observe('c1', 4)).toBe('stale');
    expect(seq.observe('c1', 2)).toBe('stale');
    expect(seq.get('c1')).toBe(4);
  });

  it('reports a gap without moving on, and does not let an older snapshot replace newer updates', () => {
    const seq = new SeqTracker();
    seq.snapshot('c1', 3);
    expect(seq.observe('c1', 6)).toBe('gap');
    expect(seq.get('c1')).toBe(3);
    seq.observe('c1', 4);
    seq.observe('c1', 5);
    expect(seq.snapshot('c1', 4)).toBe(false);
    expect(seq.snapshot('c1', 7)).toBe(true);
    expect(seq.observe('c1', 8)).toBe('apply');
  });

  it('treats an unknown case as starting at 1', () => {
    const seq = new SeqTracker();
    expect(seq.check('new', 1)).toBe('apply');
    expect(seq.check('new', 2)).toBe('gap');
  });
});

describe('SeqSync (what the page shows)', () => {
  it('shows each next update once, in order; a late duplicate changes nothing', () => {
    const { sync, shown, resyncs } = live();
    sync.snapshot('c1', 2);
    sync.receive({ caseId: 'c1', seq: 3 });
    sync.receive({ caseId: 'c1', seq: 3 });
    sync.receive({ caseId: 'c1', seq: 4 });
    expect(shown).toEqual([3, 4]);
    expect(resyncs).toEqual([]);
  });

  it('asks for the snapshot on a gap instead of showing a partial history', () => {
    const { sync, shown, resyncs } = live();
    sync.snapshot('c1', 2);
    expect(sync.receive({ caseId: 'c1', seq: 5 })).toBe('gap');
    expect(shown).toEqual([]);
    expect(resyncs).toEqual(['c1']);
    // The snapshot arrives with everything up to 5; live updates carry on from there.
    sync.snapshot('c1', 5);
    sync.receive({ caseId: 'c1', seq: 6 });
    expect(shown).toEqual([6]);
  });

  it('re-reads every case it follows after a reconnect', () => {
    const { sync, resyncs } = live();
    sync.snapshot('c1', 2);
    sync.snapshot('c2', 7);
    sync.reconnected();
    expect(resyncs.sort()).toEqual(['c1', 'c2']);
  });
});
