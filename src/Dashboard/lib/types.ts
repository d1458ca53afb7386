// Wire types of the Gongzhi HTTP + SignalR contract (docs/api.md, v1).
// Everything is camelCase JSON; enums are camelCase strings.

export type CaseKind = 'suggestion' | 'grievance' | 'service';
export type HandlingMode = 'doItNow' | 'leadThrough' | 'doForYou';
export type CaseStatus = 'submitted' | 'accepted' | 'assigned' | 'acknowledged' | 'resolved' | 'closed';
export type Rating = 'satisfied' | 'basically' | 'unsatisfied';
/** The rung of the ladder a case is handled at: 社区 → 街道 → 县部门 → 县领导. */
export type CaseLevel = 'community' | 'subdistrict' | 'department' | 'leader';
/** How a closed case ended. */
export type CaseClosure = 'rated' | 'noResponse' | 'merged';
export type StaffRole = 'cadre' | 'dispatcher' | 'department' | 'leader' | 'admin';

/** The steps of the handling modes (马上办 / 领着办 / 代为办). */
export type StepType =
  | 'workStarted'
  | 'accompanimentArranged' | 'ledThroughConfirmed'
  | 'consentRecorded' | 'documentsHandedOver' | 'resultHandedOver' | 'receiptConfirmed';

export type EventType =
  | 'submitted' | 'accepted' | 'waiting' | 'assigned' | 'acknowledged' | 'resolved' | 'rated'
  | 'declined' | 'offerExpired' | 'reassigned' | 'modeChanged'
  | StepType
  | 'escalated' | 'returned' | 'acknowledgeOverdue' | 'resolveOverdue' | 'reopened' | 'closedNoResponse'
  | 'merged' | 'reporterJoined'
  | 'videoPetitionRequested' | 'videoPetitionScheduled' | 'videoPetitionHeld' | 'videoPetitionCancelled'
  | 'consultationConvened' | 'possibleDuplicate';

/**
 * One entry of a case timeline. `actor` is `resident`, `system`, `cadre:{id}` or `{role}:{subject}`.
 * `reference` points at what the event is about: a photo or join link, a merged case, the new level's owner.
 */
export interface CaseEvent {
  seq: number;
  type: EventType;
  status: CaseStatus;
  at: string;
  actor: string;
  actorName: string | null;
  note: string | null;
  reference?: string | null;
}

/** The clock a case runs against (ISO instants; null where it does not apply). */
export interface CaseDeadlines {
  offerExpiresAt: string | null;
  acknowledgeBy: string | null;
  resolveBy: string | null;
  rateBy: string | null;
}

export interface Compound {
  id: string;
  name: string;
  nameEn: string;
  buildings: string[];
}

export interface Category {
  id: string;
  name: string;
  nameEn: string;
  defaultMode: HandlingMode;
}

export interface Community {
  id: string;
  name: string;
  nameEn: string;
  subdistrictId: string;
  countyId: string;
  compounds: Compound[];
  categories: Category[];
}

export interface CaseLocation {
  compound: string;
  building?: string | null;
  unit?: string | null;
}

export interface Contact {
  name: string;
  phone: string;
}

export interface SubmitCaseRequest {
  communityId: string;
  kind: CaseKind;
  category: string;
  description: string;
  location: CaseLocation;
  contact: Contact;
  clientRequestId?: string;
}

export interface SubmitCaseResponse {
  caseId: string;
  trackingToken: string;
  trackUrl: string;
}

/**
 * What a resident sees through the tracking token (never a phone number). While the case is
 * still `submitted` (not yet taken by the silo) most fields may be null and the timeline empty.
 */
export interface TrackView {
  caseId: string;
  /** Null until the silo has taken the case. */
  communityId: string | null;
  status: CaseStatus;
  mode: HandlingMode | null;
  kind: CaseKind | null;
  category: string | null;
  compound: string | null;
  building: string | null;
  assignee: string | null;
  submittedAt: string | null;
  rating: Rating | null;
  level: CaseLevel;
  deadlines: CaseDeadlines;
  closure: CaseClosure | null;
  reopenCount: number;
  /** Set when the token's own case was merged: this view is then of the primary case it now follows. */
  mergedFrom: string | null;
  timeline: CaseEvent[];
}

export interface RatingRequest {
  rating: Rating;
  comment?: string;
  expectedSeq?: number;
}

/** A resident's confirmation (consent, led through, receipt). */
export interface TrackStepRequest {
  comment?: string;
  expectedSeq?: number;
}

/** The body of every staff action on a case; each action reads the fields it needs. */
export interface CaseActionRequest {
  /** The case's latest seq as the client knows it; the action is refused (409) if the case moved on. */
  expectedSeq?: number;
  note?: string;
  reason?: string;
  instructions?: string;
  cadreId?: string;
  mode?: HandlingMode;
  intoCaseId?: string;
  photoUrl?: string;
  /** ISO 8601 with an offset. */
  when?: string;
  where?: string;
  office?: string;
}

/** The full case, for staff. */
export interface CaseView {
  caseId: string;
  communityId: string;
  kind: CaseKind;
  category: string;
  description: string;
  location: CaseLocation;
  contact: Contact | null;
  status: CaseStatus;
  mode: HandlingMode | null;
  assigneeId: string | null;
  assignee: string | null;
  submittedAt: string;
  rating: Rating | null;
  level: CaseLevel;
  /** Who owns the case at its level: the community, sub-district, department or county id. */
  levelOwnerId: string;
  deadlines: CaseDeadlines;
  resolvedAtLevel: CaseLevel | null;
  reopenCount: number;
  closure: CaseClosure | null;
  mergedInto: string | null;
  /** Cases merged into this one. */
  followers: string[];
  /** Open cases of the same place and category from the last 48 h. */
  possibleDuplicates: string[];
  timeline: CaseEvent[];
}

export interface RosterEntry {
  id: string;
  name: string;
  categories: string[];
  onDuty: boolean;
  load: number;
  /** Pushes carry the time the community published them; an older one never replaces a newer one. */
  version?: number;
}

export interface CadreView {
  id: string;
  name: string;
  communityId: string;
  categories: string[];
  onDuty: boolean;
  load: number;
  assignments: CaseView[];
}

/** Hub message `caseUpdated`. */
export interface CaseUpdated {
  caseId: string;
  communityId: string;
  seq: number;
  status: CaseStatus;
  mode: HandlingMode | null;
  assignee: string | null;
  assigneeId?: string | null;
  level?: CaseLevel;
  levelOwnerId?: string;
  deadlines?: CaseDeadlines;
  event: CaseEvent;
  at: string;
}

/** Hub message `rosterUpdated`. */
export interface RosterUpdated extends RosterEntry {
  communityId: string;
}

/** RFC 7807 problem details, with ASP.NET's validation `errors`. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** Claims of a staff JWT. */
export interface StaffClaims {
  sub: string;
  role: string;
  scope: string;
  exp?: number;
  name?: string;
  [claim: string]: unknown;
}
