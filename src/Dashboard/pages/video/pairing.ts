// Which peer connection a signal belongs to. Each side may start its peer connection afresh (it joined again after
// its hub reconnected, or a call that found no path started over), while signals of the one before are still on
// their way. So every signal names the peer connection it comes from and, once known, the one it is for; a side
// that hears an offer from a new peer connection of the other party starts afresh too, and a leftover of an earlier
// connection, either side's, is dropped instead of confusing the current one. Pure, so it is unit-tested.
import type { Signal } from './negotiation';

/** This side's current peer connection: its id, and the other party's connection it talks to (null until heard). */
export interface Pairing {
  readonly id: string;
  readonly remote: string | null;
}

/** `apply` to the current peer connection, `restart` a fresh one for it first, or `drop` it. */
export type Route = 'apply' | 'restart' | 'drop';

export function routeSignal(mine: Pairing, signal: Signal): Route {
  // Meant for an earlier peer connection of ours.
  if (signal.to && signal.to !== mine.id) return 'drop';
  // A page of the release before names no connection: it has only ever one at a time.
  if (!signal.from || mine.remote === null || mine.remote === signal.from) return 'apply';
  // Every fresh peer connection opens with an offer; anything else from a connection we moved on from is left over.
  return signal.description?.type === 'offer' ? 'restart' : 'drop';
}

/** A new peer connection's id: random, never shown, only told apart from the other side's. */
export function newPeerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
