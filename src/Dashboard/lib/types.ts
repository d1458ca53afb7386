// Wire types of the Gongzhi HTTP + SignalR contract (docs/api.md, v1).
// Everything is camelCase JSON; enums are camelCase strings.

export type CaseKind = 'suggestion' | 'grievance' | 'service';
export type HandlingMode = 'doItNow' | 'leadThrough' | 'doForYou';
export type CaseStatus = 'submitted' | 'accepted' | 'assigned' | 'acknowledged' | 'resolved' | 'closed';
export type Rating = 'satisfied' | 'basically' | 'unsatisfied';
export type EventType = 'submitted' | 'accepted' | 'waiting' | 'assigned' | 'acknowledged' | 'resolved' | 'rated';

/** One entry of a case timeline. `actor` is `resident`, `system`, `cadre:{id}` or `dispatcher:{subject}`. */
export interface CaseEvent {
  seq: number;
  type: EventType;
  status: CaseStatus;
  at: string;
  actor: string;
  actorName: string | null;
  note: string | null;
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
  timeline: CaseEvent[];
}

export interface RatingRequest {
  rating: Rating;
  comment?: string;
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
  timeline: CaseEvent[];
}

export interface RosterEntry {
  id: string;
  name: string;
  categories: string[];
  onDuty: boolean;
  load: number;
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
