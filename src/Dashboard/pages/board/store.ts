// The board's state, in one explicit object: the cases and the roster as the board shows them,
// how far each case's seq has gone, today's resolutions, the per-hour arrivals, the filter and the
// view, the KPI figures. Pushes, snapshots and action answers all go through here; `changed` and
// `arrivalCounted` tell the page to draw again. No DOM.
import { EMPTY_FILTER, type BoardFilter } from '../../lib/board-filters';
import { isNewer, type MetricsSummary } from '../../lib/board-kpi';
import { ARRIVAL_EVENTS, PerHourCounter } from '../../lib/board-rates';
import type { CaseMessage } from '../../lib/case-actions';
import { isSameLocalDay } from '../../lib/dom';
import { SeqTracker } from '../../lib/seq';
import { lastSeq, mergeEvents } from '../../lib/timeline';
import type { CaseUpdated, CaseView, EventType, RosterEntry, RosterUpdated } from '../../lib/types';
import { belongsHere, columnFor, type BoardPlace } from './place';

export type View = 'columns' | 'list';

/** Events whose consequences are not in the push (reopen count, followers, closure): re-read the case. */
const REFETCH_ON: ReadonlySet<EventType> = new Set<EventType>(['reopened', 'rated', 'merged', 'reporterJoined', 'closedNoResponse']);

export type AlertKind = 'acknowledgeOverdue' | 'resolveOverdue' | 'deadline' | 'escalated';

/** What the live sync does after a push: read the case, and raise an alert. */
export interface PushOutcome {
  fetch: boolean;
  alert: { kind: AlertKind; key: string } | null;
}

/** A case with a live update laid over it (the push carries only what changed). */
export function withUpdate(known: CaseView, update: CaseUpdated): CaseView {
  return {
    ...known,
    status: update.status,
    mode: update.mode ?? known.mode,
    assignee: update.assignee ?? (update.assigneeId === null ? null : known.assignee),
    assigneeId: update.assigneeId !== undefined ? update.assigneeId : known.assigneeId,
    level: update.level ?? known.level,
    levelOwnerId: update.levelOwnerId ?? known.levelOwnerId,
    deadlines: update.deadlines ?? known.deadlines,
    timeline: update.event ? mergeEvents(known.timeline, [update.event]) : known.timeline,
  };
}

export class BoardStore {
  readonly cases = new Map<string, CaseView>();
  readonly roster = new Map<string, RosterEntry>();
  readonly seq = new SeqTracker();
  /** Cases with a `resolved` event today, including ones closed since (they leave the board). */
  readonly resolvedToday = new Set<string>();
  /** When a case last changed through a live update (ms), so a slower snapshot does not drop it. */
  readonly liveTouched = new Map<string, number>();
  /** Cases whose card flashes on the next draw. */
  readonly flashIds = new Set<string>();
  /** The last outcome shown on a card, until its next action. */
  readonly messages = new Map<string, CaseMessage>();
  /** Cases per hour by category, since the page loaded. */
  readonly perHour = new PerHourCounter();
  /** When a live arrival event came for a case not yet fetched (counted once the case is read). */
  private readonly arrivals = new Map<string, string>();
  filter: BoardFilter = { ...EMPTY_FILTER };
  view: View = 'columns';
  metrics: MetricsSummary | null = null;
  /** Something on the board changed: draw it. */
  changed: () => void = () => undefined;
  /** The per-hour counts moved. */
  arrivalCounted: () => void = () => undefined;

  constructor(readonly place: BoardPlace, private readonly now: () => number = Date.now) {}

  /** Take a whole snapshot read at `startedAt`: cases gone from it leave unless a push touched them since. */
  takeSnapshot(open: readonly CaseView[], roster: readonly RosterEntry[] | null, startedAt: number): void {
    const seen = new Set<string>();
    for (const c of open) {
      seen.add(c.caseId);
      this.acceptSnapshot(c);
    }
    for (const id of [...this.cases.keys()]) {
      if (!seen.has(id) && (this.liveTouched.get(id) ?? 0) < startedAt) this.cases.delete(id);
    }
    if (roster) {
      this.roster.clear();
      for (const entry of roster) this.roster.set(entry.id, entry);
    }
    this.changed();
  }

  /** One case read again: kept if it is still this board's, else it leaves. */
  takeCase(c: CaseView): void {
    if (!belongsHere(this.place, c)) {
      this.drop(c.caseId);
      return;
    }
    this.acceptSnapshot(c);
    this.liveTouched.set(c.caseId, this.now());
    this.changed();
  }

  /** The case an action answered; true when it is still on this board. */
  takeResult(c: CaseView): boolean {
    this.liveTouched.set(c.caseId, this.now());
    this.acceptSnapshot(c);
    this.changed();
    return this.cases.has(c.caseId);
  }

  drop(caseId: string): void {
    if (this.cases.delete(caseId)) this.changed();
  }

  /** A `caseUpdated` push. */
  receive(update: CaseUpdated): PushOutcome {
    const id = update.caseId;
    const nothing: PushOutcome = { fetch: false, alert: null };
    const { kind, communityId, scopeId } = this.place;
    if (kind === 'community' && update.communityId && update.communityId !== communityId) return nothing;
    if (kind === 'scope' && update.levelOwnerId !== undefined && update.levelOwnerId !== scopeId) {
      // Escalated further or handed back: it has left this level.
      this.drop(id);
      return nothing;
    }
    if (this.seq.check(id, update.seq) === 'stale') return nothing;

    const type = update.event?.type;
    if (type === 'resolved' && isSameLocalDay(update.event.at ?? update.at)) this.resolvedToday.add(id);
    if (type && ARRIVAL_EVENTS.has(type) && !this.perHour.has(id)) this.arrivals.set(id, update.event.at ?? update.at);
    const alertKind: AlertKind | null = type === 'acknowledgeOverdue' || type === 'resolveOverdue' ? type
      : type === 'escalated' && kind === 'scope' && update.levelOwnerId === scopeId ? 'escalated' : null;
    const alert = alertKind ? { kind: alertKind, key: `${id}|${alertKind}|${update.seq}` } : null;

    const known = this.cases.get(id);
    // A case we have not seen (new, reopened, escalated here): the push lacks category, place, etc.
    if (!known) return { fetch: true, alert };
    if (type && ARRIVAL_EVENTS.has(type)) this.recordArrival(known);
    const verdict = this.seq.observe(id, update.seq);
    if (verdict !== 'apply') return { fetch: verdict === 'gap', alert };

    this.liveTouched.set(id, this.now());
    this.upsert(withUpdate(known, update));
    return { fetch: !!update.event && REFETCH_ON.has(update.event.type), alert };
  }

  /** A `rosterUpdated` push; an older version never replaces a newer one. */
  receiveRoster(entry: RosterUpdated): void {
    if (this.place.kind !== 'community') return;
    if (entry.communityId && entry.communityId !== this.place.communityId) return;
    const previous = this.roster.get(entry.id);
    if (previous?.version !== undefined && entry.version !== undefined && entry.version < previous.version) return;
    this.roster.set(entry.id, { ...previous, ...entry, categories: entry.categories ?? previous?.categories ?? [] });
    this.changed();
  }

  /** KPI figures; true when they are newer than those shown. */
  receiveMetrics(summary: MetricsSummary): boolean {
    if (this.place.kind !== 'community' || (summary.communityId && summary.communityId !== this.place.communityId)) return false;
    if (!isNewer(summary, this.metrics)) return false;
    this.metrics = summary;
    return true;
  }

  /** Take a fetched case unless live updates have already gone past it. */
  private acceptSnapshot(c: CaseView): void {
    if (!this.seq.snapshot(c.caseId, lastSeq(c.timeline))) return;
    const here = belongsHere(this.place, c) && columnFor(c.status) !== null;
    if (here) this.recordArrival(c);
    for (const event of c.timeline) {
      if (event.type === 'resolved' && isSameLocalDay(event.at)) this.resolvedToday.add(c.caseId);
    }
    const previous = this.cases.get(c.caseId);
    if (previous && previous.status !== c.status) this.flashIds.add(c.caseId);
    if (here) this.cases.set(c.caseId, c);
    else this.cases.delete(c.caseId);
  }

  private upsert(c: CaseView): void {
    const previous = this.cases.get(c.caseId);
    if (columnFor(c.status) === null || !belongsHere(this.place, c)) {
      this.cases.delete(c.caseId);
    } else {
      this.cases.set(c.caseId, c);
      if (!previous || previous.status !== c.status) this.flashIds.add(c.caseId);
    }
    this.changed();
  }

  /** Count a case on the per-hour chart once: at its live arrival, else at its submission. */
  private recordArrival(c: CaseView): void {
    const at = this.arrivals.get(c.caseId) ?? c.submittedAt;
    this.arrivals.delete(c.caseId);
    if (this.perHour.record(c.caseId, c.category, at)) this.arrivalCounted();
  }
}
