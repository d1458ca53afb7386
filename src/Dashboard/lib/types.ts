// The wire types of the Gongzhi HTTP contract, named for the pages. Every one is taken from the
// gateway's OpenAPI document (lib/api-types.gen.ts, generated at build time by
// scripts/api-types.mjs) by route, not by schema name, so a renamed record changes nothing here
// while a renamed or retyped field fails `npm run build:dashboard`.
import type { paths } from './api-types.gen';

type Route = keyof paths;
type Method = 'get' | 'post' | 'put';
type Json<T> = T extends { content: infer C } ? C[keyof C] : never;
type Operation<P extends Route, M extends Method> = NonNullable<paths[P][M]>;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;

/** The JSON a route answers with when it succeeds (200, 201 or 202). */
export type Answer<P extends Route, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? Json<Success<R>> : never;

/** The JSON body a route takes. */
export type Body<P extends Route, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? NonNullable<Json<NonNullable<B>>> : never;

/** Names a view in compiler messages (an interface is shown by name, an alias by its whole shape). */
type Ident<T> = T;

// Views
export interface CaseView extends Ident<Answer<'/api/v1/cases/{caseId}'>> {}
/** What a resident sees through the tracking token (never a phone number). */
export interface TrackView extends Ident<Answer<'/api/v1/track/{trackingToken}'>> {}
export interface CadreView extends Ident<Answer<'/api/v1/cadres/{cadreId}'>> {}
export interface Community extends Ident<Answer<'/api/v1/communities/{communityId}'>> {}
export interface RosterEntry extends Ident<Answer<'/api/v1/communities/{communityId}/roster'>[number]> {}
export type SubmitCaseResponse = Answer<'/api/v1/cases', 'post'>;

// Parts of the views
/** One entry of a case timeline. `actor` is `resident`, `system`, `cadre:{id}` or `{role}:{subject}`. */
export type CaseEvent = CaseView['timeline'][number];
/** The clock a case runs against (ISO instants; null where it does not apply). */
export type CaseDeadlines = CaseView['deadlines'];
export type CaseLocation = CaseView['location'];
export type Compound = Community['compounds'][number];
export type Category = Community['categories'][number];

// Enums (camelCase strings)
export type CaseKind = CaseView['kind'];
export type CaseStatus = CaseView['status'];
export type HandlingMode = NonNullable<TrackView['mode']>;
/** The rung of the ladder a case is handled at: 社区 → 街道 → 县部门 → 县领导. */
export type CaseLevel = CaseView['level'];
/** How a closed case ended. */
export type CaseClosure = NonNullable<CaseView['closure']>;
export type Rating = NonNullable<CaseView['rating']>;
export type EventType = CaseEvent['type'];
/** The steps of the handling modes (马上办 / 领着办 / 代为办). */
export type StepType = Extract<EventType,
  | 'workStarted'
  | 'accompanimentArranged' | 'ledThroughConfirmed'
  | 'consentRecorded' | 'documentsHandedOver' | 'resultHandedOver' | 'receiptConfirmed'>;

// Requests
export type SubmitCaseRequest = Body<'/api/v1/cases'>;
export type RatingRequest = Body<'/api/v1/track/{trackingToken}/rating'>;
/** A resident's confirmation (consent, led through, receipt). */
export type TrackStepRequest = Body<'/api/v1/track/{trackingToken}/consent'>;
/** Every staff action on a case is `POST /api/v1/cases/{caseId}/{action}`, answering the case after it. */
export type CaseActionRoute =
  | 'acknowledge' | 'decline' | 'resolve'
  | 'start' | 'accompaniment' | 'consent' | 'documents' | 'result'
  | 'take' | 'escalate' | 'return' | 'assign' | 'mode' | 'merge';
/** The body of an action's route; for a union of actions, the union of their bodies. */
export type CaseActionBody<A extends CaseActionRoute> =
  A extends unknown ? (`/api/v1/cases/{caseId}/${A}` extends Route ? Body<`/api/v1/cases/{caseId}/${A}`> : never) : never;
/** The body of any staff action. */
export type CaseActionRequest = CaseActionBody<CaseActionRoute>;

// Not in the OpenAPI document: the hub's messages (docs/api.md, "Push"), the problem extensions and the token.

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

/** Hub message `rosterUpdated`: a roster entry with its community. */
export type RosterUpdated = RosterEntry;

/** RFC 9457 problem details, with ASP.NET's validation `errors` and the refusal's `code` and `args` (docs/api.md, "Refusal codes"). */
export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  /** English, for logs: never shown, never parsed. */
  detail?: string | null;
  instance?: string | null;
  errors?: Record<string, string[]>;
  code?: string | null;
  args?: Record<string, string> | null;
  [extension: string]: unknown;
}

/** Who is signed in: `sub` is the username (the token's claims, as the login answer tells them). */
export interface StaffClaims {
  sub: string;
  role: string;
  scope: string;
}

/** What `POST /api/v1/auth/login`, `/renew` and `/password` answer. */
export interface SignInAnswer extends Ident<Answer<'/api/v1/auth/login', 'post'>> {}

// Administration
/** A staff account as the admin page lists it. */
export interface AdminAccount extends Ident<Answer<'/api/v1/admin/accounts'>[number]> {}
export type AccountCreateRequest = Body<'/api/v1/admin/accounts'>;
export type AccountUpdateRequest = Body<'/api/v1/admin/accounts/{username}', 'put'>;
/** Every community with its cadres and standing parties, and each county's categories and SLA classes. */
export interface AdminWorld extends Ident<Answer<'/api/v1/admin/world'>> {}
export type AdminCommunity = AdminWorld['communities'][number];
export type AdminCadre = AdminCommunity['cadres'][number];
export type AdminShift = AdminCadre['shifts'][number];
export type AdminParty = AdminCommunity['standingParties'][number];
export type AdminCatalog = AdminWorld['counties'][number];
export type AdminCategory = AdminCatalog['categories'][number];
export type AdminSlaClass = AdminCatalog['slaClasses'][number];
export type AdminCadreRequest = Body<'/api/v1/admin/communities/{communityId}/cadres/{cadreId}', 'put'>;
export type AdminStandingPartiesRequest = Body<'/api/v1/admin/communities/{communityId}/standing-parties', 'put'>;
export type AdminCategoryRequest = Body<'/api/v1/admin/counties/{countyId}/categories/{categoryId}', 'put'>;
export type AdminSlaClassRequest = Body<'/api/v1/admin/counties/{countyId}/sla-classes/{slaClassId}', 'put'>;
export type AuditEntry = Answer<'/api/v1/admin/audit'>[number];
export type OpsTicket = Answer<'/api/v1/auth/ops-ticket', 'post'>;
