// Which of a case's deadlines matters now, and when its window started. Pure.
import type { CaseDeadlines, CaseEvent, CaseStatus, EventType } from './types';

/** offer → the assigned cadre's offer; acknowledge / resolve → the SLA; rate → the resident's rating window. */
export type DeadlineKind = 'offer' | 'acknowledge' | 'resolve' | 'rate';

export interface RelevantDeadline {
  kind: DeadlineKind;
  /** ISO instant. */
  at: string;
  /** When this clock started (from the timeline), if known: for the 25 % rule. */
  windowStart: string | null;
}

// What a deadline is for, in words: `deadlineText(kind, resident)` in ./labels (labels.json).

/** The timeline events that (re)start each clock. */
const CLOCK_STARTS: Record<DeadlineKind, readonly EventType[]> = {
  offer: ['assigned', 'reassigned'],
  acknowledge: ['accepted', 'reopened'],
  resolve: ['accepted', 'reopened', 'escalated'],
  rate: ['resolved'],
};

export interface DeadlineSubject {
  status: CaseStatus;
  deadlines?: CaseDeadlines | null;
  timeline?: readonly CaseEvent[] | null;
}

/**
 * The one deadline that matters now: the offer while the case is assigned; acknowledge-by while
 * nobody has acknowledged it; resolve-by until it is resolved; rate-by after resolution. With
 * `resident`, the cadre's offer window (internal) is skipped. Null when none applies.
 */
export function relevantDeadline(c: DeadlineSubject, options: { resident?: boolean } = {}): RelevantDeadline | null {
  const d = c.deadlines;
  if (!d) return null;
  const pick = (kind: DeadlineKind, at: string | null | undefined): RelevantDeadline | null =>
    at ? { kind, at, windowStart: windowStart(c.timeline ?? [], kind, at) } : null;

  const unacknowledged = c.status === 'submitted' || c.status === 'accepted' || c.status === 'assigned';
  const unresolved = unacknowledged || c.status === 'acknowledged';
  return (c.status === 'assigned' && !options.resident ? pick('offer', d.offerExpiresAt) : null)
    ?? (unacknowledged ? pick('acknowledge', d.acknowledgeBy) : null)
    ?? (unresolved ? pick('resolve', d.resolveBy) : null)
    ?? (c.status === 'resolved' ? pick('rate', d.rateBy) : null);
}

/** When the clock of `kind` last started: the latest event that starts it, before the deadline. */
export function windowStart(timeline: readonly CaseEvent[], kind: DeadlineKind, deadline: string): string | null {
  const starts = CLOCK_STARTS[kind];
  const end = Date.parse(deadline);
  let best: CaseEvent | null = null;
  for (const event of timeline) {
    if (!starts.includes(event.type)) continue;
    if (Number.isFinite(end) && Date.parse(event.at) >= end) continue;
    if (!best || event.seq > best.seq) best = event;
  }
  return best?.at ?? null;
}
