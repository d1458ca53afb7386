import { describe, expect, it } from 'vitest';
import { hubRefusal, nextCallState, petitionFromPath, tokenFromHash, type CallEvent, type CallState } from '../pages/video/state';
import { newPeerId, routeSignal } from '../pages/video/pairing';

const run = (events: CallEvent[], from: CallState | null = null): (CallState | null)[] => {
  const seen: (CallState | null)[] = [];
  let state = from;
  for (const event of events) {
    state = nextCallState(state, event);
    seen.push(state);
  }
  return seen;
};

describe('the call state', () => {
  it('waits alone, connects when the other side arrives, and is connected once media flows', () => {
    expect(run([
      { type: 'joined', peerPresent: false },
      { type: 'peerJoined' },
      { type: 'link', state: 'connecting' },
      { type: 'link', state: 'connected' },
    ])).toEqual(['waiting', 'connecting', 'connecting', 'connected']);
  });

  it('joining after the other side goes straight to connecting', () => {
    expect(nextCallState(null, { type: 'joined', peerPresent: true })).toBe('connecting');
  });

  it('goes back to waiting when the other side leaves, and connects again when it rejoins', () => {
    expect(run([{ type: 'peerLeft' }, { type: 'peerJoined' }, { type: 'link', state: 'connected' }], 'connected'))
      .toEqual(['waiting', 'connecting', 'connected']);
  });

  it('a lost path while the other side is there is connecting again, not waiting', () => {
    expect(run([{ type: 'link', state: 'disconnected' }, { type: 'link', state: 'failed' }], 'connected')).toEqual(['connecting', 'connecting']);
  });

  it('a late link report of a closed connection does not bring a waiting page back to connecting', () => {
    expect(nextCallState('waiting', { type: 'link', state: 'connecting' })).toBe('waiting');
    expect(nextCallState('connected', { type: 'link', state: 'closed' })).toBe('connected');
  });

  it('hanging up or joining from another window ends the call for good', () => {
    expect(nextCallState('connected', { type: 'hangUp' })).toBe('ended');
    expect(nextCallState('waiting', { type: 'replaced' })).toBe('ended');
    expect(run([{ type: 'peerJoined' }, { type: 'link', state: 'connected' }, { type: 'joined', peerPresent: true }], 'ended'))
      .toEqual(['ended', 'ended', 'ended']);
  });

  it('a peer leaving before this side joined changes nothing', () => {
    expect(nextCallState(null, { type: 'peerLeft' })).toBeNull();
  });
});

describe('which peer connection a signal is for', () => {
  const offer = { description: { type: 'offer' as const } };
  const answer = { description: { type: 'answer' as const } };
  const candidate = { candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host' } };

  it('a fresh peer connection takes the first side it hears from', () => {
    expect(routeSignal({ id: 'r1', remote: null }, { ...offer, from: 'o1', to: null })).toBe('apply');
    expect(routeSignal({ id: 'r1', remote: null }, { ...candidate, from: 'o1', to: null })).toBe('apply');
  });

  it('signals of the paired connection are applied, whether or not they name this one yet', () => {
    expect(routeSignal({ id: 'r1', remote: 'o1' }, { ...candidate, from: 'o1', to: 'r1' })).toBe('apply');
    expect(routeSignal({ id: 'r1', remote: 'o1' }, { ...candidate, from: 'o1', to: null })).toBe('apply');
  });

  it('a signal meant for an earlier connection of this side is dropped', () => {
    expect(routeSignal({ id: 'r2', remote: null }, { ...answer, from: 'o1', to: 'r1' })).toBe('drop');
    expect(routeSignal({ id: 'r2', remote: 'o1' }, { ...candidate, from: 'o1', to: 'r1' })).toBe('drop');
  });

  it('an offer from a new connection of the other side starts this side afresh; its leftovers are dropped', () => {
    expect(routeSignal({ id: 'r1', remote: 'o1' }, { ...offer, from: 'o2', to: null })).toBe('restart');
    expect(routeSignal({ id: 'r2', remote: 'o2' }, { ...candidate, from: 'o1', to: null })).toBe('drop');
    expect(routeSignal({ id: 'r2', remote: 'o2' }, { ...answer, from: 'o1', to: null })).toBe('drop');
  });

  it('a page of the release before, which names no connection, is applied as before', () => {
    expect(routeSignal({ id: 'r1', remote: 'o1' }, offer)).toBe('apply');
    expect(routeSignal({ id: 'r1', remote: null }, candidate)).toBe('apply');
  });

  it('each peer connection has an id of its own', () => {
    const ids = new Set(Array.from({ length: 100 }, newPeerId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('the call page\'s inputs', () => {
  it('reads the refusal code of a hub error', () => {
    expect(hubRefusal(new Error("An unexpected error occurred invoking 'JoinCall' on the server. HubException: not-a-party: Only the petition's resident …")))
      .toBe('not-a-party');
    expect(hubRefusal(new Error('WebSocket closed'))).toBeNull();
  });

  it('takes the tracking token from the fragment only', () => {
    expect(tokenFromHash('#t=ABC.def_12')).toBe('ABC.def_12');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash(`#t=${'x'.repeat(201)}`)).toBeNull();
  });

  it('takes the petition id from the path', () => {
    expect(petitionFromPath('/video/7K3M9Q2R5T8V1W4X')).toBe('7K3M9Q2R5T8V1W4X');
    expect(petitionFromPath('/video/')).toBeNull();
    expect(petitionFromPath('/video/a/b')).toBeNull();
  });
});

describe('signing in on the call page', () => {
  it('brings an official back to the call, and a cadre to their own page', async () => {
    const { destinationAfterSignIn } = await import('../lib/destination');
    expect(destinationAfterSignIn({ role: 'leader', scope: 'wenshang' }, '/video/7K3M9Q2R5T8V1W4X')).toBe('/video/7K3M9Q2R5T8V1W4X');
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'ximen' }, '/video/7K3M9Q2R5T8V1W4X')).toBe('/video/7K3M9Q2R5T8V1W4X');
    expect(destinationAfterSignIn({ role: 'cadre', scope: 'ximen' }, '/video/7K3M9Q2R5T8V1W4X')).toBe('/cadre');
    expect(destinationAfterSignIn({ role: 'dispatcher', scope: 'ximen' }, '/video/x/../../admin')).toBe('/board');
  });
});
