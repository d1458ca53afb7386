// The calls of the officials' page (/official): the caller's level, the KPI report of their scope,
// and the video petitions addressed to their level (accept with a time, record the outcome).
import { request } from './api';
import type { Answer, Body } from './types';

const enc = encodeURIComponent;

/** The rung the caller's scope owns (`GET /api/v1/levels/mine`). */
export type MyLevel = Answer<'/api/v1/levels/mine'>;
export type KpiReport = Answer<'/api/v1/metrics'>;
export type KpiFigures = KpiReport['total'];
export type KpiGroup = KpiReport['buckets'][number]['byLevel'][number];
export type VideoPetition = Answer<'/api/v1/video-petitions'>[number];
export type AcceptPetitionRequest = Body<'/api/v1/video-petitions/{petitionId}/accept'>;

export const getMyLevel = (token: string): Promise<MyLevel> => request<MyLevel>('/api/v1/levels/mine', { token });

/** The last 30 days of the scope, by level, department and community. */
export const getLevelKpis = (token: string, scope: string): Promise<KpiReport> =>
  request<KpiReport>(`/api/v1/metrics?scope=${enc(scope)}&period=day&by=level,department,community`, { token });

export const listPetitions = (token: string, scope: string): Promise<VideoPetition[]> =>
  request<VideoPetition[]>(`/api/v1/video-petitions?scope=${enc(scope)}`, { token });

export const acceptPetition = (token: string, petitionId: string, slot: string): Promise<VideoPetition> =>
  request<VideoPetition>(`/api/v1/video-petitions/${enc(petitionId)}/accept`, { method: 'POST', body: { slot } satisfies AcceptPetitionRequest, token });

export const recordPetitionOutcome = (token: string, petitionId: string, outcome: string): Promise<VideoPetition> =>
  request<VideoPetition>(`/api/v1/video-petitions/${enc(petitionId)}/outcome`, { method: 'POST', body: { outcome }, token });
