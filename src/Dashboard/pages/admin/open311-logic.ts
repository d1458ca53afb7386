// The Open311 clients panel's rules, without the DOM: the issue request and its id (the same id for
// every try of one issue, so a retry after a lost answer makes no second client), the rate as typed,
// and the order of the list.
import type { Open311Client, Open311ClientRequest } from '../../lib/open311-clients-api';

export const MAX_REQUESTS_PER_MINUTE = 10_000;

/** A rate as typed: empty is the server's default (undefined); anything but a whole number from 1 to the maximum is null. */
export function parseRate(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return null;
  const rate = Number(trimmed);
  return rate >= 1 && rate <= MAX_REQUESTS_PER_MINUTE ? rate : null;
}

/** One issue, tried as often as it takes: its request id changes only once a client has been issued. */
export class IssueRequest {
  private id: string;

  constructor(private readonly newId: () => string = () => crypto.randomUUID()) {
    this.id = newId();
  }

  get requestId(): string { return this.id; }

  body(name: string, contact: string, requestsPerMinute: number | undefined): Open311ClientRequest {
    return { requestId: this.id, name: name.trim(), contact: contact.trim() || null, requestsPerMinute: requestsPerMinute ?? null };
  }

  /** The issue went through: the next one is another request. */
  issued(): void {
    this.id = this.newId();
  }
}

export type ClientState = 'active' | 'revoked';

export const clientState = (client: Open311Client): ClientState => (client.revokedAt ? 'revoked' : 'active');

/** Clients in use first, newest first within each group. */
export function sortClients(clients: readonly Open311Client[]): Open311Client[] {
  return [...clients].sort((a, b) =>
    Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) || Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id.localeCompare(b.id));
}
