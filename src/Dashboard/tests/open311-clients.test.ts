import { describe, expect, it } from 'vitest';
import type { Open311Client } from '../lib/open311-clients-api';
import { clientState, IssueRequest, parseRate, sortClients } from '../pages/admin/open311-logic';

const client = (id: string, createdAt: string, revokedAt: string | null = null): Open311Client =>
  ({ id, name: id, contact: null, requestsPerMinute: 60, createdAt, revokedAt }) as Open311Client;

describe('the rate an admin types', () => {
  it('leaves an empty rate to the server’s default and takes whole numbers in range', () => {
    expect(parseRate('')).toBeUndefined();
    expect(parseRate('  ')).toBeUndefined();
    expect(parseRate('30')).toBe(30);
    expect(parseRate(' 10000 ')).toBe(10000);
  });

  it('refuses what is not a whole number from 1 to 10000', () => {
    for (const text of ['0', '-5', '2.5', '1e3', '10001', 'sixty']) expect(parseRate(text)).toBeNull();
  });
});

describe('one issue, tried again', () => {
  it('sends the same request id on every try until a client is issued, then a new one', () => {
    let n = 0;
    const issue = new IssueRequest(() => `id-${++n}`);

    const first = issue.body(' FixMyStreet ', '', undefined);
    const retry = issue.body('FixMyStreet', 'ops@example.org', 30);
    issue.issued();
    const next = issue.body('Dashboard', '', 5);

    expect(first).toEqual({ requestId: 'id-1', name: 'FixMyStreet', contact: null, requestsPerMinute: null });
    expect(retry).toEqual({ requestId: 'id-1', name: 'FixMyStreet', contact: 'ops@example.org', requestsPerMinute: 30 });
    expect(next.requestId).toBe('id-2');
  });

  it('makes UUIDs by default, as the server asks', () => {
    expect(new IssueRequest().requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('the list of clients', () => {
  it('shows clients in use first, the newest first, and revoked ones after', () => {
    const clients = [
      client('old', '2026-12-01T08:00:00Z'),
      client('gone', '2026-12-03T08:00:00Z', '2026-12-04T08:00:00Z'),
      client('new', '2026-12-02T08:00:00Z'),
    ];

    expect(sortClients(clients).map((c) => [c.id, clientState(c)])).toEqual([['new', 'active'], ['old', 'active'], ['gone', 'revoked']]);
  });
});
