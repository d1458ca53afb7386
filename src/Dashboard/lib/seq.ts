// Per-case sequence tracking. Every change of a case carries a per-case `seq` (1, 2, 3 …).
// A client applies an update only when it is exactly the next one; a jump means it missed
// something and must fetch the snapshot again. Pure: no DOM, no I/O.

/** What to do with an incoming update. */
export type SeqVerdict =
  /** seq is exactly last + 1 (or 1 for an unknown case): apply it. */
  | 'apply'
  /** seq is at or below what we already have: a duplicate or late copy, ignore it. */
  | 'stale'
  /** seq skips ahead (or the case is unknown and seq > 1): fetch the snapshot. */
  | 'gap';

export class SeqTracker {
  private readonly last = new Map<string, number>();

  /** The last applied seq for `key`, or undefined when the case is unknown. */
  get(key: string): number | undefined {
    return this.last.get(key);
  }

  has(key: string): boolean {
    return this.last.has(key);
  }

  /** Classify an incoming seq without changing anything. */
  check(key: string, seq: number): SeqVerdict {
    const last = this.last.get(key) ?? 0;
    if (!Number.isInteger(seq) || seq <= last) return 'stale';
    return seq === last + 1 ? 'apply' : 'gap';
  }

  /** Classify an incoming seq and, when it is the next one, record it as applied. */
  observe(key: string, seq: number): SeqVerdict {
    const verdict = this.check(key, seq);
    if (verdict === 'apply') this.last.set(key, seq);
    return verdict;
  }

  /**
   * Record a freshly fetched snapshot whose highest seq is `seq`. Returns false (and keeps
   * the newer value) when live updates have already gone past it: the snapshot is older
   * than what is shown and should not replace it.
   */
  snapshot(key: string, seq: number): boolean {
    const last = this.last.get(key);
    if (last !== undefined && seq < last) return false;
    this.last.set(key, seq);
    return true;
  }

  /** Every case seen so far. */
  keys(): string[] {
    return [...this.last.keys()];
  }

  forget(key: string): void {
    this.last.delete(key);
  }

  clear(): void {
    this.last.clear();
  }
}

/** A live update as the hub pushes it: the case and its seq. */
export interface SeqUpdate {
  caseId: string;
  seq: number;
}

export interface SeqSyncHandlers<U extends SeqUpdate> {
  /** The update is the next one: show it. */
  apply: (update: U) => void;
  /** Something was missed (a gap, or the connection came back): fetch the case's snapshot. */
  resync: (caseId: string) => void;
}

/**
 * Live updates in seq order with nothing missed silently: the next seq is applied, a late copy
 * is ignored, a gap asks for the snapshot, and so does every known case after a reconnect.
 */
export class SeqSync<U extends SeqUpdate> {
  constructor(private readonly handlers: SeqSyncHandlers<U>, readonly tracker: SeqTracker = new SeqTracker()) {}

  receive(update: U): SeqVerdict {
    const verdict = this.tracker.observe(update.caseId, update.seq);
    if (verdict === 'apply') this.handlers.apply(update);
    else if (verdict === 'gap') this.handlers.resync(update.caseId);
    return verdict;
  }

  /** A fetched snapshot: false when live updates are already past it (see `SeqTracker.snapshot`). */
  snapshot(caseId: string, seq: number): boolean {
    return this.tracker.snapshot(caseId, seq);
  }

  /** The connection came back: anything may have happened meanwhile, so re-read every case. */
  reconnected(): void {
    for (const key of this.tracker.keys()) this.handlers.resync(key);
  }
}
