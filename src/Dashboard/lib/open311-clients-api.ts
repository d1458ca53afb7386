// The admin's Open311 clients (`/api/v1/admin/open311-clients`, role admin): list, issue (the answer
// carries the client's api_key, shown this once), revoke. Each change is audited server-side.
import { request } from './api';
import type { Answer, Body } from './types';

export type Open311Client = Answer<'/api/v1/admin/open311-clients'>[number];
export type Open311ClientRequest = Body<'/api/v1/admin/open311-clients'>;
export type IssuedOpen311Client = Answer<'/api/v1/admin/open311-clients', 'post'>;

const CLIENTS = '/api/v1/admin/open311-clients';

export const listOpen311Clients = (token: string): Promise<Open311Client[]> => request<Open311Client[]>(CLIENTS, { token });

/** Issues a client; the same `requestId` again answers the same client (with a new key in place of the one before). */
export const issueOpen311Client = (token: string, body: Open311ClientRequest): Promise<IssuedOpen311Client> =>
  request<IssuedOpen311Client>(CLIENTS, { method: 'POST', body, token });

export const revokeOpen311Client = (token: string, clientId: string): Promise<Open311Client> =>
  request<Open311Client>(`${CLIENTS}/${encodeURIComponent(clientId)}/revoke`, { method: 'POST', token });
