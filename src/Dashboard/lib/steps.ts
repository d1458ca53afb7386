// The handling modes as steps, and which of them a case has done. Pure: mirrors the silo's
// ModeWorkflow so the pages offer only what the server will accept.
//
// 马上办 doItNow:     (start work) → resolve
// 领着办 leadThrough: arrange accompaniment → the resident confirms being led through → resolve
// 代为办 doForYou:    consent (cadre in person, or the resident) → documents → result
//                     → the resident confirms receipt → resolve
// Steps count from the last `modeChanged` or `reopened` event: a new round starts clean.
import type { CaseEvent, EventType, HandlingMode, StepType } from './types';

export type StepTaker = 'cadre' | 'resident' | 'either';

export interface StepRule {
  mode: HandlingMode;
  taker: StepTaker;
  /** The step that must be done first, if any. */
  after: StepType | null;
  /** Needed before the assigned cadre may resolve. */
  requiredBeforeResolve: boolean;
}

export const STEP_RULES: Record<StepType, StepRule> = {
  workStarted: { mode: 'doItNow', taker: 'cadre', after: null, requiredBeforeResolve: false },
  accompanimentArranged: { mode: 'leadThrough', taker: 'cadre', after: null, requiredBeforeResolve: true },
  ledThroughConfirmed: { mode: 'leadThrough', taker: 'resident', after: 'accompanimentArranged', requiredBeforeResolve: true },
  consentRecorded: { mode: 'doForYou', taker: 'either', after: null, requiredBeforeResolve: true },
  documentsHandedOver: { mode: 'doForYou', taker: 'cadre', after: 'consentRecorded', requiredBeforeResolve: true },
  resultHandedOver: { mode: 'doForYou', taker: 'cadre', after: 'documentsHandedOver', requiredBeforeResolve: true },
  receiptConfirmed: { mode: 'doForYou', taker: 'resident', after: 'resultHandedOver', requiredBeforeResolve: true },
};

/** Each mode's steps, in order. */
export const MODE_STEPS: Record<HandlingMode, readonly StepType[]> = {
  doItNow: ['workStarted'],
  leadThrough: ['accompanimentArranged', 'ledThroughConfirmed'],
  doForYou: ['consentRecorded', 'documentsHandedOver', 'resultHandedOver', 'receiptConfirmed'],
};

/** Events after which the steps start again. */
const ROUND_BREAKS: readonly EventType[] = ['modeChanged', 'reopened'];

export function isStep(type: string): type is StepType {
  return Object.prototype.hasOwnProperty.call(STEP_RULES, type);
}

function bySeq(events: readonly CaseEvent[]): CaseEvent[] {
  return [...events].sort((a, b) => a.seq - b.seq);
}

/** The events of the current round: everything after the last mode change or reopening. */
export function currentRound(timeline: readonly CaseEvent[]): CaseEvent[] {
  const sorted = bySeq(timeline);
  let start = 0;
  sorted.forEach((event, i) => {
    if (ROUND_BREAKS.includes(event.type)) start = i + 1;
  });
  return sorted.slice(start);
}

/** The mode steps done in the current round, each with the event that recorded it. */
export function stepsDone(timeline: readonly CaseEvent[]): Map<StepType, CaseEvent> {
  const done = new Map<StepType, CaseEvent>();
  for (const event of currentRound(timeline)) {
    if (isStep(event.type) && !done.has(event.type)) done.set(event.type, event);
  }
  return done;
}

export interface StepProgress {
  type: StepType;
  taker: StepTaker;
  done: boolean;
  /** The event that recorded it, when done. */
  event: CaseEvent | null;
  /** Not done, and whatever it comes after is done: it can be taken now (status permitting). */
  next: boolean;
  /** Not needed before resolving (马上办's start). */
  optional: boolean;
}

export interface ModeProgress {
  mode: HandlingMode;
  steps: StepProgress[];
  /** Every step the cadre needs before resolving is done. */
  readyToResolve: boolean;
  /** The first step still needed before resolving. */
  missing: StepType | null;
  /** A step only the resident can take, and it is the one the case waits for. */
  waitingForResident: StepType | null;
}

/** Where a case stands in its mode's steps. */
export function modeProgress(mode: HandlingMode, timeline: readonly CaseEvent[]): ModeProgress {
  const done = stepsDone(timeline);
  const steps = (MODE_STEPS[mode] ?? []).map((type): StepProgress => {
    const rule = STEP_RULES[type];
    const event = done.get(type) ?? null;
    return {
      type,
      taker: rule.taker,
      done: event !== null,
      event,
      next: event === null && (rule.after === null || done.has(rule.after)),
      optional: !rule.requiredBeforeResolve,
    };
  });
  const missing = steps.find((s) => !s.optional && !s.done)?.type ?? null;
  const waiting = steps.find((s) => s.next && s.taker === 'resident' && !s.optional);
  return {
    mode,
    steps,
    readyToResolve: missing === null,
    missing,
    waitingForResident: waiting && waiting.type === missing ? waiting.type : null,
  };
}
