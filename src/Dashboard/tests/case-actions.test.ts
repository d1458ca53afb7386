import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { bodyFor, CaseActions, shouldReread, type CaseActionHost } from '../lib/case-actions';
import { Drafts } from '../lib/forms';
import type { StaffSession } from '../lib/session';
import { ev, kase } from './fixtures';

describe('the request each action form sends', () => {
  it('fills the fields its route takes', () => {
    expect(bodyFor('assign', { cadreId: 'k1' })).toEqual({ cadreId: 'k1' });
    expect(bodyFor('mode', { mode: 'leadThrough' })).toEqual({ mode: 'leadThrough' });
    expect(bodyFor('decline', { reason: 'sick' })).toEqual({ reason: 'sick' });
    expect(bodyFor('escalate', { reason: 'too big' })).toEqual({ reason: 'too big' });
    expect(bodyFor('documents', { note: 'ID card' })).toEqual({ note: 'ID card' });
    expect(bodyFor('return', { instructions: 'ask again' })).toEqual({ instructions: 'ask again' });
    expect(bodyFor('resolve', { note: 'fixed', photos: '' })).toEqual({ note: 'fixed' });
    expect(bodyFor('resolve', { note: 'fixed', photos: '/api/v1/cases/c/photos/a.jpg\n/api/v1/cases/c/photos/b.jpg' }))
      .toEqual({ note: 'fixed', photos: ['/api/v1/cases/c/photos/a.jpg', '/api/v1/cases/c/photos/b.jpg'] });
    expect(bodyFor('accompaniment', { when: '2026-11-28T09:30', where: 'Hall', office: 'Civil affairs' }))
      .toMatchObject({ where: 'Hall', office: 'Civil affairs', when: expect.stringMatching(/^2026-11-28T09:30:00([+-]\d\d:\d\d|Z)$/) });
    expect(bodyFor('nonsense', {})).toBeNull();
  });

  it('reads the case again after a refusal that means it moved on', () => {
    expect(shouldReread(new ApiError(409, null))).toBe(true);
    expect(shouldReread(new ApiError(404, null))).toBe(true);
    expect(shouldReread(new ApiError(400, null))).toBe(false);
    expect(shouldReread(new Error('x'))).toBe(false);
  });
});

function host(over: Partial<CaseActionHost> = {}) {
  const session = { current: { token: 'tok', claims: {} }, handleAuthError: vi.fn((err: unknown) => err instanceof ApiError && err.status === 401) };
  const h: CaseActionHost = {
    session: session as unknown as StaffSession,
    drafts: new Drafts(),
    messages: new Map(),
    known: () => kase({ timeline: [ev(1, 'submitted'), ev(2, 'accepted'), ev(3, 'assigned')] }),
    done: vi.fn(),
    changed: vi.fn(),
    reread: vi.fn(),
    ...over,
  };
  return { h, session };
}

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('a case action', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('goes with the last seq the page has, and the page shows the case the server answered', async () => {
    const fetch = answer(200, kase({ status: 'assigned' }));
    const { h } = host();
    await new CaseActions(h).perform('c-1', 'assign', { cadreId: 'k1' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/cases/c-1/assign');
    expect(JSON.parse(String(init.body))).toEqual({ cadreId: 'k1', expectedSeq: 3 });
    expect((init.headers as Record<string, string>)['Authorization']).toBe('Bearer tok');
    expect(h.done).toHaveBeenCalledWith('c-1', 'assign', expect.objectContaining({ status: 'assigned' }));
  });

  it('shows a refusal on its case and reads the case again', async () => {
    answer(409, { status: 409, detail: 'The case has moved on: seq is 4, not 3.' });
    const { h } = host();
    const actions = new CaseActions(h);
    const err = await actions.perform('c-1', 'resolve', { note: 'x' }).catch((e: unknown) => e);
    actions.failed('c-1', err);
    expect(h.messages.get('c-1')?.kind).toBe('error');
    expect(h.changed).toHaveBeenCalledWith('c-1');
    expect(h.reread).toHaveBeenCalledWith('c-1');
  });

  it('ends the session on a 401 and shows nothing on the case', () => {
    const { h, session } = host();
    new CaseActions(h).failed('c-1', new ApiError(401, null));
    expect(session.handleAuthError).toHaveBeenCalled();
    expect(h.messages.size).toBe(0);
    expect(h.reread).not.toHaveBeenCalled();
  });
});
