// What changed in a cadre's queue while the page was offline: compare the queue shown before the
// drop with the fresh snapshot after the reconnect. Pure: no DOM, no clock.
import type { CaseEvent, CaseView } from './types';

export type OfflineChangeKind =
  | 'newAssignment'     // in the queue now, not before
  | 'reassignedAway'    // gone from the queue: now another cadre's
  | 'resolvedByOther'   // resolved (or closed) by someone else
  | 'escalated'         // moved up a level
  | 'removed'           // gone, and we cannot see why
  | 'reopened'          // the resident reopened it
  | 'modeChanged'       // the dispatcher changed the handling mode
  | 'residentConfirmed' // the resident did their step
  | 'updated';          // anything else

export interface OfflineChange {
  kind: OfflineChangeKind;
  caseId: string;
  category: string;
}

const RESIDENT_STEPS = new Set(['ledThroughConfirmed', 'receiptConfirmed', 'consentRecorded']);

function maxSeq(events: readonly CaseEvent[]): number {
  return events.reduce((m, e) => Math.max(m, e.seq), 0);
}

function byMe(event: CaseEvent, me: string): boolean {
  return event.actor === `cadre:${me}` || event.actor === me;
}

/**
 * The changes between `before` and `after` for cadre `me`. `gone` may hold what the server says now
 * about cases that left the queue (null or missing when it cannot be read). Our own actions are
 * not news. One change per case, most telling first; the result keeps the order of `after`, then `before`.
 */
export function offlineChanges(
  before: readonly CaseView[],
  after: readonly CaseView[],
  me: string,
  gone: ReadonlyMap<string, CaseView | null> = new Map(),
): OfflineChange[] {
  const was = new Map(before.map((c) => [c.caseId, c]));
  const now = new Map(after.map((c) => [c.caseId, c]));
  const out: OfflineChange[] = [];

  for (const c of after) {
    const old = was.get(c.caseId);
    if (!old) {
      if (c.assigneeId === me && (c.status === 'assigned' || c.status === 'acknowledged')) {
        out.push({ kind: 'newAssignment', caseId: c.caseId, category: c.category });
      }
      continue;
    }
    const since = maxSeq(old.timeline);
    const fresh = c.timeline.filter((e) => e.seq > since && !byMe(e, me));
    if (fresh.length === 0) continue;
    out.push({ kind: kindOfNews(fresh, c, me), caseId: c.caseId, category: c.category });
  }

  for (const old of before) {
    if (now.has(old.caseId)) continue;
    if (old.status === 'closed') continue;
    const current = gone.get(old.caseId) ?? null;
    out.push({ kind: kindOfDeparture(old, current, me), caseId: old.caseId, category: old.category });
  }
  return out;
}

function kindOfNews(fresh: readonly CaseEvent[], c: CaseView, me: string): OfflineChangeKind {
  const types = new Set(fresh.map((e) => e.type as string));
  if ((types.has('resolved') || types.has('closedNoResponse') || types.has('merged')) && !fresh.some((e) => e.type === 'resolved' && byMe(e, me))) {
    return 'resolvedByOther';
  }
  if (types.has('reassigned') || types.has('assigned')) return c.assigneeId === me ? 'newAssignment' : 'reassignedAway';
  if (types.has('escalated')) return 'escalated';
  if (types.has('reopened')) return 'reopened';
  if (types.has('modeChanged')) return 'modeChanged';
  if (fresh.some((e) => RESIDENT_STEPS.has(e.type) && e.actor === 'resident')) return 'residentConfirmed';
  return 'updated';
}

function kindOfDeparture(old: CaseView, current: CaseView | null, me: string): OfflineChangeKind {
  if (!current) return 'removed';
  if (current.status === 'resolved' || current.status === 'closed') {
    const since = maxSeq(old.timeline);
    const mine = current.timeline.some((e) => e.seq > since && e.type === 'resolved' && byMe(e, me));
    return mine ? 'removed' : 'resolvedByOther';
  }
  if (current.assigneeId && current.assigneeId !== me) return 'reassignedAway';
  if (current.level !== old.level) return 'escalated';
  if (!current.assigneeId) return 'reassignedAway';
  return 'removed';
}

/** Counts per kind, in a fixed order, for a one-line summary. */
export function summariseChanges(changes: readonly OfflineChange[]): { kind: OfflineChangeKind; count: number }[] {
  const order: OfflineChangeKind[] = ['newAssignment', 'reassignedAway', 'resolvedByOther', 'escalated', 'reopened', 'modeChanged', 'residentConfirmed', 'removed', 'updated'];
  return order
    .map((kind) => ({ kind, count: changes.filter((c) => c.kind === kind).length }))
    .filter((x) => x.count > 0);
}
