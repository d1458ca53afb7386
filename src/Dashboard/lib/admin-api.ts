// The admin API (`/api/v1/admin/…`, role admin): staff accounts, the world (a community's cadres
// and standing parties, a county's categories and SLA classes) and the audit log. Every change is
// audited server-side (who, when, what).
import { request } from './api';
import type {
  AccountCreateRequest, AccountUpdateRequest, AdminAccount, AdminCadreRequest, AdminCategoryRequest, AdminSlaClassRequest,
  AdminStandingPartiesRequest, AdminWorld, AuditEntry, OpsTicket,
} from './types';

const enc = encodeURIComponent;
const ADMIN = '/api/v1/admin';

// Accounts
export const listAccounts = (token: string): Promise<AdminAccount[]> => request<AdminAccount[]>(`${ADMIN}/accounts`, { token });

export const createAccount = (token: string, body: AccountCreateRequest): Promise<unknown> =>
  request(`${ADMIN}/accounts`, { method: 'POST', body, token });

export const updateAccount = (token: string, username: string, body: AccountUpdateRequest): Promise<unknown> =>
  request(`${ADMIN}/accounts/${enc(username)}`, { method: 'PUT', body, token });

export const setAccountDisabled = (token: string, username: string, disabled: boolean): Promise<unknown> =>
  request(`${ADMIN}/accounts/${enc(username)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST', token });

export const resetPassword = (token: string, username: string, newPassword: string): Promise<unknown> =>
  request(`${ADMIN}/accounts/${enc(username)}/password`, { method: 'POST', body: { newPassword }, token });

// The world
export const getWorld = (token: string): Promise<AdminWorld> => request<AdminWorld>(`${ADMIN}/world`, { token });

export const saveCadre = (token: string, communityId: string, cadreId: string, body: AdminCadreRequest): Promise<unknown> =>
  request(`${ADMIN}/communities/${enc(communityId)}/cadres/${enc(cadreId)}`, { method: 'PUT', body, token });

/** The cadre leaves the roster (refused with `cadre-has-open-cases` while they carry open cases). */
export const retireCadre = (token: string, communityId: string, cadreId: string): Promise<unknown> =>
  request(`${ADMIN}/communities/${enc(communityId)}/cadres/${enc(cadreId)}`, { method: 'DELETE', token });

export const saveStandingParties = (token: string, communityId: string, body: AdminStandingPartiesRequest): Promise<unknown> =>
  request(`${ADMIN}/communities/${enc(communityId)}/standing-parties`, { method: 'PUT', body, token });

export const saveCategory = (token: string, countyId: string, categoryId: string, body: AdminCategoryRequest): Promise<unknown> =>
  request(`${ADMIN}/counties/${enc(countyId)}/categories/${enc(categoryId)}`, { method: 'PUT', body, token });

export const saveSlaClass = (token: string, countyId: string, slaClassId: string, body: AdminSlaClassRequest): Promise<unknown> =>
  request(`${ADMIN}/counties/${enc(countyId)}/sla-classes/${enc(slaClassId)}`, { method: 'PUT', body, token });

// The audit log of one UTC day (yyyy-MM-dd)
export const getAudit = (token: string, day: string): Promise<AuditEntry[]> =>
  request<AuditEntry[]>(`${ADMIN}/audit?day=${enc(day)}`, { token });

// Operators' tools: the ops ticket (an HttpOnly cookie for /ops) that lets a new tab open the Orleans Dashboard
export const requestOpsTicket = (token: string): Promise<OpsTicket> =>
  request<OpsTicket>('/api/v1/auth/ops-ticket', { method: 'POST', token });
