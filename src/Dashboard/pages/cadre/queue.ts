// The cadre page's state, in one explicit object: the cadre and their queue as the server last
// answered, the outcome shown on each case, which assignments were already announced, and what the
// page showed when the line dropped (to say afterwards what changed). No DOM.
import type { CaseMessage } from '../../lib/case-actions';
import type { CadreView, CaseStatus, CaseUpdated, CaseView, RosterUpdated } from '../../lib/types';

/** Offers first, then work in hand, then the rest; oldest first within each. */
const STATUS_ORDER: Record<CaseStatus, number> = {
  assigned: 0, acknowledged: 1, accepted: 2, submitted: 3, resolved: 4, closed: 5,
};

export function queueOrder(a: CaseView, b: CaseView): number {
  return (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || a.submittedAt.localeCompare(b.submittedAt);
}

/** What a push means for this cadre, to tell them at once. */
export type Announcement = 'newCase' | 'residentConfirmed' | null;

export class CadreQueue {
  cadre: CadreView | null = null;
  /** The last outcome shown on a case (kept across re-renders until the next action). */
  readonly messages = new Map<string, CaseMessage>();
  /** Cases to highlight on the next render. */
  readonly flashIds = new Set<string>();
  /** Cases announced by sound whose system notification waits for the fresh queue (category, place). */
  readonly notifyPending = new Set<string>();
  /** `caseId:seq` of events already announced, so a replay (a case sends its pushes again after a restart) does not beep or toast twice. */
  private readonly announced = new Set<string>();
  /** Set while the hub is down after having been up: the next read compares before and after. */
  private shownBeforeDrop: CaseView[] | null = null;
  private rosterVersion = 0;

  constructor(private readonly me: string) {}

  get id(): string {
    return this.cadre?.id ?? this.me;
  }

  find(caseId: string): CaseView | undefined {
    return this.cadre?.assignments.find((c) => c.caseId === caseId);
  }

  /** A push: a new assignment (once per event) or a resident's confirmation on one of ours. */
  announce(update: CaseUpdated): Announcement {
    const forMe = update.assigneeId === undefined || update.assigneeId === null
      ? update.status === 'assigned'
      : update.assigneeId === this.me;
    if (!forMe) return null;
    const type = update.event?.type;
    const announcement: Announcement = type === 'assigned' || type === 'reassigned' ? 'newCase'
      : (type === 'ledThroughConfirmed' || type === 'receiptConfirmed' || type === 'consentRecorded') && update.event.actor === 'resident'
        ? 'residentConfirmed' : null;
    const key = `${update.caseId}:${update.seq}`;
    if (!announcement || this.announced.has(key)) return null;
    this.announced.add(key);
    this.flashIds.add(update.caseId);
    if (announcement === 'newCase') this.notifyPending.add(update.caseId);
    return announcement;
  }

  /** The line dropped (or came back after a drop): remember what the page showed, once. */
  rememberBeforeDrop(): void {
    if (this.cadre && !this.shownBeforeDrop) this.shownBeforeDrop = this.cadre.assignments;
  }

  /** The fresh view from the server; returns what the page showed before a drop, if any. */
  take(view: CadreView): CaseView[] | null {
    const before = this.shownBeforeDrop;
    this.shownBeforeDrop = null;
    this.cadre = view;
    return before;
  }

  /** Put the case an action answered into the queue at once (the queue is read again after). */
  takeResult(c: CaseView): void {
    if (!this.cadre) return;
    const mine = c.assigneeId === this.cadre.id && c.status !== 'closed';
    const others = this.cadre.assignments.filter((a) => a.caseId !== c.caseId);
    this.cadre = { ...this.cadre, assignments: mine ? [...others, c] : others };
  }

  /** A `rosterUpdated` push about us; true when our load changed (a case came or went: read the queue). */
  receiveRoster(entry: RosterUpdated): { changed: boolean; loadChanged: boolean } {
    const cadre = this.cadre;
    // Pushes may arrive out of order; keep the newest.
    if (!cadre || entry.id !== cadre.id || (entry.version !== undefined && entry.version < this.rosterVersion)) {
      return { changed: false, loadChanged: false };
    }
    this.rosterVersion = entry.version ?? this.rosterVersion;
    const loadChanged = entry.load !== cadre.load;
    this.cadre = { ...cadre, onDuty: entry.onDuty, load: entry.load, categories: entry.categories ?? cadre.categories };
    return { changed: true, loadChanged };
  }
}
