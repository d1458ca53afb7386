// Where a live call stands, as `document.body.dataset.callState` shows it: `waiting` for the other
// party, `connecting` while the browsers find a path to each other, `connected` with media flowing,
// `ended` once this side hung up (or joined from another tab). Pure, so it is unit-tested.

export type CallState = 'waiting' | 'connecting' | 'connected' | 'ended';

export type CallEvent =
  | { type: 'joined'; peerPresent: boolean }
  | { type: 'peerJoined' }
  | { type: 'peerLeft' }
  | { type: 'link'; state: RTCPeerConnectionState }
  | { type: 'hangUp' }
  | { type: 'replaced' };

/** The state after `event`; `null` before this side joined. Nothing leaves `ended`. */
export function nextCallState(state: CallState | null, event: CallEvent): CallState | null {
  if (state === 'ended') return 'ended';
  switch (event.type) {
    case 'joined':
      return event.peerPresent ? 'connecting' : 'waiting';
    case 'peerJoined':
      return state === 'connected' ? 'connected' : 'connecting';
    case 'peerLeft':
      return state === null ? null : 'waiting';
    case 'link':
      if (state === null || state === 'waiting') return state;
      if (event.state === 'connected') return 'connected';
      // A path lost or not found yet: the browsers try again (ICE restart) while the peer is there.
      return event.state === 'closed' ? state : 'connecting';
    case 'hangUp':
    case 'replaced':
      return 'ended';
  }
}

/** The refusal code at the start of a hub error's message (`HubException: not-a-party: …`), or null. */
export function hubRefusal(err: unknown): string | null {
  const message = err instanceof Error ? err.message : String(err);
  return /HubException: ([a-z0-9-]+):/.exec(message)?.[1] ?? null;
}

/** The tracking token handed in the link's fragment (`#t=…`), which no server log or referrer sees. */
export function tokenFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('t');
  return value && value.length <= 200 ? value : null;
}

/** The petition id of `/video/{petitionId}`. */
export function petitionFromPath(path: string): string | null {
  const match = /^\/video\/([0-9A-Za-z]{1,64})\/?$/.exec(path);
  return match?.[1] ?? null;
}
