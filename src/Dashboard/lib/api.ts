// Fetch helpers for /api/v1 and RFC 7807 problem-detail handling.
import { t } from './i18n';
import { explainProblem } from './problems';
import type {
  CadreView, CaseActionBody, CaseActionRoute, CaseView, Community, HandlingMode, ProblemDetails, RatingRequest, RosterEntry,
  SignInAnswer, SubmitCaseRequest, SubmitCaseResponse, TrackStepRequest, TrackView,
} from './types';

export type { CaseActionRoute } from './types';

const REQUEST_TIMEOUT_MS = 20_000;

/** An HTTP call that did not succeed. `status` is 0 for a network failure or timeout. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null, message?: string) {
    super(message ?? problem?.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Validation messages keyed by normalised field path (`location.compound`). */
  get fieldErrors(): Record<string, string[]> {
    return normaliseFieldErrors(this.problem?.errors);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;

  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const onOuterAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onOuterAbort);

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiError(0, null, err instanceof Error ? err.message : String(err));
  } finally {
    window.clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }

  const text = await response.text().catch(() => '');
  const parsed = parseJson(text);

  if (!response.ok) {
    const problem = isObject(parsed) ? (parsed as ProblemDetails) : null;
    throw new ApiError(response.status, problem);
  }
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Normalise a validation field path to the contract's camelCase dotted form, so that
 * `Location.Compound`, `$.location.compound` and `location.compound` all match.
 */
export function normaliseFieldPath(path: string): string {
  return path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.charAt(0).toLowerCase() + segment.slice(1))
    .join('.');
}

export function normaliseFieldErrors(errors: Record<string, string[] | string> | undefined | null): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!errors) return result;
  for (const [key, value] of Object.entries(errors)) {
    const path = normaliseFieldPath(key);
    const messages = Array.isArray(value) ? value : [String(value)];
    (result[path] ??= []).push(...messages);
  }
  return result;
}

/** A short message in the chosen language for an error that is not shown next to a field: by its refusal code (`lib/problems.ts`). */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return explainProblem(err.status, err.problem);
  return `${t('common.error.other')}: ${err instanceof Error ? err.message : String(err)}`;
}

const enc = encodeURIComponent;

// Public
export const getCommunity = (communityId: string): Promise<Community> =>
  request<Community>(`/api/v1/communities/${enc(communityId)}`);

export const submitCase = (body: SubmitCaseRequest): Promise<SubmitCaseResponse> =>
  request<SubmitCaseResponse>('/api/v1/cases', { method: 'POST', body });

export const getTrack = (trackingToken: string): Promise<TrackView> =>
  request<TrackView>(`/api/v1/track/${enc(trackingToken)}`);

export const rateCase = (trackingToken: string, body: RatingRequest): Promise<TrackView> =>
  request<TrackView>(`/api/v1/track/${enc(trackingToken)}/rating`, { method: 'POST', body });

/** The resident's confirmations: `consent` (代为办), `led-through` (领着办), `receipt` (代为办). */
export type TrackStep = 'consent' | 'led-through' | 'receipt';

export const confirmTrackStep = (trackingToken: string, step: TrackStep, body: TrackStepRequest = {}): Promise<TrackView> =>
  request<TrackView>(`/api/v1/track/${enc(trackingToken)}/${step}`, { method: 'POST', body });

// Staff sign-in (the bearer of /renew, /logout and /password is the session's current token)
export const signIn = (username: string, password: string): Promise<SignInAnswer> =>
  request<SignInAnswer>('/api/v1/auth/login', { method: 'POST', body: { username, password } });

export const renewSignIn = (token: string): Promise<SignInAnswer> =>
  request<SignInAnswer>('/api/v1/auth/renew', { method: 'POST', token });

export const signOutSession = (token: string): Promise<void> =>
  request<void>('/api/v1/auth/logout', { method: 'POST', token });

/** A new password; the answer is a fresh token (the change ends every other session). */
export const changePassword = (token: string, currentPassword: string, newPassword: string): Promise<SignInAnswer> =>
  request<SignInAnswer>('/api/v1/auth/password', { method: 'POST', body: { currentPassword, newPassword }, token });

// Staff
export const getCase = (token: string, caseId: string): Promise<CaseView> =>
  request<CaseView>(`/api/v1/cases/${enc(caseId)}`, { token });

export const getRoster = (token: string, communityId: string): Promise<RosterEntry[]> =>
  request<RosterEntry[]>(`/api/v1/communities/${enc(communityId)}/roster`, { token });

export const getCommunityCases = (token: string, communityId: string): Promise<CaseView[]> =>
  request<CaseView[]>(`/api/v1/communities/${enc(communityId)}/cases`, { token });

export const getCadre = (token: string, cadreId: string): Promise<CadreView> =>
  request<CadreView>(`/api/v1/cadres/${enc(cadreId)}`, { token });

export const setDuty = (token: string, cadreId: string, onDuty: boolean): Promise<RosterEntry> =>
  request<RosterEntry>(`/api/v1/cadres/${enc(cadreId)}/duty`, { method: 'POST', body: { onDuty }, token });

/** The cases escalated to a sub-district, department or county (its officials, or an admin). */
export const getQueue = (token: string, scopeId: string): Promise<CaseView[]> =>
  request<CaseView[]>(`/api/v1/queues/${enc(scopeId)}/cases`, { token });

/** A staff action on a case (`POST /api/v1/cases/{id}/{action}`), answering the case after it. */
export const caseAction = <A extends CaseActionRoute>(token: string, caseId: string, action: A, body?: CaseActionBody<A>): Promise<CaseView> =>
  request<CaseView>(`/api/v1/cases/${enc(caseId)}/${action}`, { method: 'POST', body: body ?? {}, token });

export const acknowledgeCase = (token: string, caseId: string, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'acknowledge', { expectedSeq });

export const declineCase = (token: string, caseId: string, reason: string, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'decline', { reason, expectedSeq });

export const resolveCase = (token: string, caseId: string, note: string, extra: { photoUrl?: string; expectedSeq?: number } = {}): Promise<CaseView> =>
  caseAction(token, caseId, 'resolve', { note, ...extra });

export const escalateCase = (token: string, caseId: string, reason: string, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'escalate', { reason, expectedSeq });

export const returnCase = (token: string, caseId: string, instructions: string, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'return', { instructions, expectedSeq });

export const assignCase = (token: string, caseId: string, cadreId: string, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'assign', { cadreId, expectedSeq });

export const changeMode = (token: string, caseId: string, mode: HandlingMode, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'mode', { mode, expectedSeq });

export const mergeCase = (token: string, caseId: string, intoCaseId: string, expectedSeq?: number): Promise<CaseView> =>
  caseAction(token, caseId, 'merge', { intoCaseId, expectedSeq });
