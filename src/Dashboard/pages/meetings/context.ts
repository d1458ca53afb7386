// What the panels of /meetings share: the wire types (from the gateway's contract), the API calls,
// where the page is (`/meetings`, `/meetings/{id}`, `?scope=`, `?convene=1&cases=a,b`), and texts
// from locales/{zh,en}/meetings.json.
import { request } from '../../lib/api';
import { t } from '../../lib/i18n';
import type { Answer, StaffClaims } from '../../lib/types';

export type Consultation = Answer<'/api/v1/consultations/{consultationId}'>;
export type ConsultationSummary = Answer<'/api/v1/consultations'>[number];
export type Inbox = Answer<'/api/v1/invitations'>;
export type InvitationEntry = Inbox['invitations'][number];

/** A text from locales/{zh,en}/meetings.json. */
export const tx = (key: string, params?: Record<string, string | number>): string => t(`meetings.${key}`, params);

export const listConsultations = (token: string, scope: string): Promise<ConsultationSummary[]> =>
  request(`/api/v1/consultations?scope=${encodeURIComponent(scope)}`, { token });

export const getConsultation = (token: string, id: string): Promise<Consultation> =>
  request(`/api/v1/consultations/${encodeURIComponent(id)}`, { token });

export const recordMinutes = (token: string, id: string, minutes: string, resolution: string): Promise<Consultation> =>
  request(`/api/v1/consultations/${encodeURIComponent(id)}/minutes`, { token, body: { minutes, resolution } });

export const getInbox = (token: string): Promise<Inbox> => request('/api/v1/invitations', { token });

export const markInvitation = (token: string, id: string, mark: 'read' | 'acknowledge'): Promise<InvitationEntry> =>
  request(`/api/v1/invitations/${encodeURIComponent(id)}/${mark}`, { token, method: 'POST' });

/** Where the page is: one meeting, the list of a level, and the convene form's community and ticked cases. */
export interface MeetingsPlace {
  /** The meeting shown (`/meetings/{id}` or `?id=`), or null for the lists. */
  meetingId: string | null;
  /** The level whose meetings are listed (`?scope=`, else the token's scope), or null for staff who only take part. */
  scope: string | null;
  /** The community a meeting is convened in (`?community=`, else a dispatcher's scope). */
  communityId: string | null;
  /** `?convene=1`: open the convene form, with `?cases=a,b` ticked. */
  convene: boolean;
  cases: string[];
}

const LISTING_ROLES = new Set(['dispatcher', 'department', 'leader', 'admin']);

export function meetingsPlace(path: string, search: string, claims: StaffClaims | null): MeetingsPlace {
  const query = new URLSearchParams(search);
  const fromPath = /^\/meetings\/([^/]+)\/?$/.exec(path)?.[1];
  const meetingId = (fromPath ? decodeURIComponent(fromPath) : query.get('id'))?.trim() || null;
  const ownScope = claims && LISTING_ROLES.has(claims.role) && claims.role !== 'admin' ? claims.scope || null : null;
  const scope = query.get('scope')?.trim() || ownScope;
  const dispatches = claims?.role === 'dispatcher' || claims?.role === 'admin';
  const communityId = dispatches ? (query.get('community')?.trim() || scope) : null;
  const cases = (query.get('cases') ?? '').split(',').map((c) => c.trim()).filter((c) => c.length > 0);
  return { meetingId, scope, communityId, convene: query.get('convene') === '1' || cases.length > 0, cases };
}

/** Meetings still to be held (by time, soonest first) and those concluded (latest first). */
export function splitMeetings(all: readonly ConsultationSummary[]): { upcoming: ConsultationSummary[]; past: ConsultationSummary[] } {
  const upcoming = all.filter((c) => c.status === 'convened').sort((a, b) => a.time.localeCompare(b.time));
  const past = all.filter((c) => c.status !== 'convened').sort((a, b) => b.time.localeCompare(a.time));
  return { upcoming, past };
}

/** The link to one meeting's page. */
export const meetingHref = (id: string): string => `/meetings/${encodeURIComponent(id)}`;
