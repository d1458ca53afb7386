// What each person may do to a case now, from its state, mode, level and steps. Pure: the same
// rules as the gateway and silo, so a page shows only actions that can succeed (the server still
// decides; a refusal comes back as a 409 and is shown).
import { modeProgress, type ModeProgress } from './steps';
import type { CaseEvent, CaseLevel, CaseStatus, HandlingMode, StepType } from './types';

export interface ActionSubject {
  status: CaseStatus;
  mode: HandlingMode | null;
  level?: CaseLevel | null;
  levelOwnerId?: string | null;
  assigneeId?: string | null;
  possibleDuplicates?: readonly string[] | null;
  timeline: readonly CaseEvent[];
}

const isUnresolved = (status: CaseStatus): boolean =>
  status === 'submitted' || status === 'accepted' || status === 'assigned' || status === 'acknowledged';

/** Not yet at the top of the ladder. */
const canGoUp = (level: CaseLevel | null | undefined): boolean => (level ?? 'community') !== 'leader';

// ── Cadre ──────────────────────────────────────────────────────────────────────────────────────

/** A cadre's actions; each is also the route under /api/v1/cases/{id}/. */
export type CadreAction =
  | 'acknowledge' | 'decline'
  | 'start' | 'accompaniment' | 'consent' | 'documents' | 'result'
  | 'resolve' | 'escalate';

/** The cadre step actions and the step each records. */
export const CADRE_STEP_ACTIONS: Partial<Record<StepType, CadreAction>> = {
  workStarted: 'start',
  accompanimentArranged: 'accompaniment',
  consentRecorded: 'consent',
  documentsHandedOver: 'documents',
  resultHandedOver: 'result',
};

export interface CadrePlan {
  actions: CadreAction[];
  /** The mode's steps (null before the cadre has the case or without a mode). */
  progress: ModeProgress | null;
  /** The resident's step the case is waiting for before the cadre can go on. */
  waitingFor: StepType | null;
}

/**
 * What the assigned cadre can do: acknowledge or decline an offer; once acknowledged, the mode's
 * next steps, resolve when the required steps are done; escalate while unresolved and below the top.
 */
export function cadreActions(c: ActionSubject, cadreId: string): CadrePlan {
  const none: CadrePlan = { actions: [], progress: null, waitingFor: null };
  if (!c.assigneeId || c.assigneeId !== cadreId) return none;
  const progress = c.mode ? modeProgress(c.mode, c.timeline) : null;
  const actions: CadreAction[] = [];

  if (c.status === 'assigned') {
    actions.push('acknowledge', 'decline');
  } else if (c.status === 'acknowledged') {
    for (const step of progress?.steps ?? []) {
      const action = CADRE_STEP_ACTIONS[step.type];
      if (action && step.next && step.taker !== 'resident') actions.push(action);
    }
    if (!progress || progress.readyToResolve) actions.push('resolve');
  } else {
    return { ...none, progress };
  }
  if (canGoUp(c.level)) actions.push('escalate');
  return {
    actions,
    progress,
    waitingFor: c.status === 'acknowledged' ? progress?.waitingForResident ?? null : null,
  };
}

// ── Board: dispatchers and officials ───────────────────────────────────────────────────────────

export type BoardAction = 'assign' | 'mode' | 'merge' | 'take' | 'escalate' | 'resolve' | 'return';

export interface Viewer {
  role: string;
  scope: string;
}

export interface BoardContext {
  /** `community`: a community's board (its dispatchers); `scope`: a level's queue (its officials). */
  kind: 'community' | 'scope';
  /** The county the case's community belongs to, when known (a county-wide dispatcher owns every level). */
  countyId?: string | null;
}

/** An official of the level the case is at (StaffAccess.OwnsLevel). */
export function ownsLevel(c: ActionSubject, viewer: Viewer, countyId?: string | null): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'dispatcher' && viewer.role !== 'department' && viewer.role !== 'leader') return false;
  return viewer.scope === c.levelOwnerId || (viewer.role === 'dispatcher' && !!countyId && viewer.scope === countyId);
}

/**
 * What the board offers on a case. A community's dispatchers assign, change the mode, merge a
 * likely duplicate and escalate from the community; an official of the case's level (above the
 * community) takes it (while nobody has at this level), resolves it, hands it back down or escalates it further.
 */
export function boardActions(c: ActionSubject, viewer: Viewer, context: BoardContext): BoardAction[] {
  const actions: BoardAction[] = [];
  const open = isUnresolved(c.status);
  const level = c.level ?? 'community';
  const owner = ownsLevel(c, viewer, context.countyId);
  const dispatcher = context.kind === 'community' && (viewer.role === 'dispatcher' || viewer.role === 'admin');

  if (dispatcher && open) actions.push('assign', 'mode');
  if (dispatcher && c.status !== 'closed' && (c.possibleDuplicates?.length ?? 0) > 0) actions.push('merge');
  if (open && canGoUp(level) && ((dispatcher && level === 'community') || (owner && level !== 'community'))) {
    actions.push('escalate');
  }
  if (owner && level !== 'community' && open) {
    if (!takenAtLevel(c.timeline)) actions.unshift('take');
    actions.push('resolve', 'return');
  }
  return actions;
}

/**
 * The `taken` event of the level the case is at now (接办: an official took responsibility for it there), or null
 * when nobody has since it last moved (escalated, handed back or reopened). Mirrors `EscalationLadder.TakenBy`.
 */
export function takenAtLevel(timeline: readonly CaseEvent[]): CaseEvent | null {
  const sorted = [...timeline].sort((a, b) => b.seq - a.seq);
  for (const e of sorted) {
    if (e.type === 'taken') return e;
    if (e.type === 'escalated' || e.type === 'returned' || e.type === 'reopened') return null;
  }
  return null;
}

// ── Resident ───────────────────────────────────────────────────────────────────────────────────

/** The resident's actions; the first three are routes under /api/v1/track/{token}/. */
export type ResidentAction = 'consent' | 'led-through' | 'receipt' | 'rate';

export interface ResidentSubject {
  status: CaseStatus;
  mode: HandlingMode | null;
  rating?: string | null;
  /** Set when the token is a merged follower's: it reads the primary case but acts only on its own. */
  mergedFrom?: string | null;
  timeline: readonly CaseEvent[];
}

/** True when a `rated` event follows the latest `resolved` one. */
export function ratedSinceResolved(timeline: readonly CaseEvent[]): boolean {
  let resolved = -1;
  let rated = -1;
  for (const e of timeline) {
    if (e.type === 'resolved') resolved = Math.max(resolved, e.seq);
    if (e.type === 'rated') rated = Math.max(rated, e.seq);
  }
  return rated > resolved && resolved >= 0;
}

/**
 * The resident's steps that apply now: consent to 代为办 (once assigned), confirm being led
 * through (领着办, once arranged), confirm receipt (代为办, once the result is handed over), rate
 * (once resolved and not yet rated). None for a merged follower's token.
 */
export function residentActions(v: ResidentSubject): ResidentAction[] {
  const actions: ResidentAction[] = [];
  if (v.mergedFrom) return actions;
  if (v.mode && (v.status === 'assigned' || v.status === 'acknowledged')) {
    const progress = modeProgress(v.mode, v.timeline);
    const next = (type: StepType): boolean => progress.steps.some((s) => s.type === type && s.next);
    if (v.mode === 'doForYou' && next('consentRecorded')) actions.push('consent');
    if (v.status === 'acknowledged' && v.mode === 'leadThrough' && next('ledThroughConfirmed')) actions.push('led-through');
    if (v.status === 'acknowledged' && v.mode === 'doForYou' && next('receiptConfirmed')) actions.push('receipt');
  }
  if (v.status === 'resolved' && !v.rating && !ratedSinceResolved(v.timeline)) actions.push('rate');
  return actions;
}
