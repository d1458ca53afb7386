// The live call: joins through the hub (`JoinCall`), keeps one peer connection to the other
// party while it is there, shows both videos and the state, and hangs up (`LeaveCall`). A peer
// connection that finds no path in time is started afresh by the official's side (the impolite
// one), and the resident's follows on hearing its offer (pairing.ts).
import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { byId } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { Peer, type Signal } from './negotiation';
import { routeSignal } from './pairing';
import { nextCallState, type CallEvent, type CallState } from './state';

/** The answer of `JoinCall`. */
export interface CallJoined {
  petitionId: string;
  caseId: string;
  role: 'resident' | 'official';
  polite: boolean;
  peerPresent: boolean;
  iceServers: RTCIceServer[];
}

interface CallPeerPush { petitionId: string; role: string; present: boolean }
interface CallSignalPush { petitionId: string; from: string; payload: Signal }
interface CallEndedPush { petitionId: string; reason: string }

/** How long a peer connection may look for a path before the official's side starts afresh; doubled each time, to a minute. */
export const CONNECT_WAIT_MS = 10_000;

export class Call {
  private state: CallState | null = null;
  private peer: Peer | null = null;
  private joined: CallJoined | null = null;
  private retryTimer: number | undefined;
  private retries = 0;
  /** Signals sent, applied and dropped, in `body[data-signals]` for whoever looks into a call that does not connect. */
  private readonly signals = { sent: 0, applied: 0, dropped: 0 };
  private readonly remoteVideo = byId<HTMLVideoElement>('remote-video');

  constructor(
    private readonly connection: HubConnection,
    private readonly petitionId: string,
    private readonly trackingToken: string | null,
    private readonly local: MediaStream,
    private readonly onEnded: () => void,
  ) {
    connection.on('callPeer', (push: CallPeerPush) => {
      if (push.petitionId !== petitionId || push.role === this.joined?.role) return;
      if (push.present) this.startPeer();
      else this.dropPeer();
      this.apply(push.present ? { type: 'peerJoined' } : { type: 'peerLeft' });
    });
    connection.on('callSignal', (push: CallSignalPush) => {
      if (push.petitionId !== petitionId || !this.joined || this.state === 'ended') return;
      if (!this.peer) {
        this.startPeer();
        this.apply({ type: 'peerJoined' });
      }
      if (!this.peer) return;
      const route = routeSignal(this.peer, push.payload);
      this.count(route === 'drop' ? 'dropped' : 'applied');
      if (route === 'drop') return;
      if (route === 'restart') {
        // The other party started a fresh peer connection: so does this side, for it.
        this.dropPeer();
        this.startPeer();
      }
      void this.peer?.receive(push.payload).catch((err) => console.warn('video call signal', err));
    });
    connection.on('callEnded', (push: CallEndedPush) => {
      if (push.petitionId !== petitionId) return;
      this.finish({ type: 'replaced' });
    });
  }

  /** Joins (again, after the hub reconnected: a new connection starts a fresh peer connection). */
  async join(): Promise<CallJoined> {
    this.dropPeer();
    const joined = await this.connection.invoke<CallJoined>('JoinCall', this.petitionId, this.trackingToken);
    this.joined = joined;
    this.apply({ type: 'joined', peerPresent: joined.peerPresent });
    if (joined.peerPresent) this.startPeer();
    return joined;
  }

  async hangUp(): Promise<void> {
    if (this.state === 'ended') return;
    if (this.connection.state === HubConnectionState.Connected) {
      await this.connection.invoke('LeaveCall', this.petitionId).catch((err) => console.warn('LeaveCall', err));
    }
    this.finish({ type: 'hangUp' });
  }

  private finish(event: CallEvent): void {
    this.dropPeer();
    for (const track of this.local.getTracks()) track.stop();
    this.apply(event);
    byId('call-ended-note').textContent = event.type === 'replaced' ? t('video.ended.replaced') : t('video.ended.hungUp');
    this.onEnded();
  }

  private startPeer(): void {
    if (this.peer || !this.joined || this.state === 'ended') return;
    this.peer = new Peer(this.joined.polite, this.joined.iceServers, this.local, {
      send: (signal) => {
        this.count('sent');
        return this.connection.invoke('Signal', this.petitionId, signal);
      },
      remote: (stream) => {
        if (this.remoteVideo.srcObject !== stream) this.remoteVideo.srcObject = stream;
      },
      link: (state) => {
        // The peer connection's own state beside the call's, for whoever looks into a call that does not connect.
        document.body.dataset['linkState'] = state;
        if (state === 'connected') this.retries = 0;
        this.watch(state !== 'connected');
        this.apply({ type: 'link', state });
      },
    });
    this.watch(true);
  }

  // The official's side gives a peer connection without a path CONNECT_WAIT_MS (then longer) before starting afresh:
  // a signal lost on the way, or a pairing gone wrong, would otherwise leave both sides connecting for good.
  private watch(on: boolean): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (!on || !this.joined || this.joined.polite) return;
    const wait = Math.min(CONNECT_WAIT_MS * 2 ** this.retries, 60_000);
    this.retryTimer = window.setTimeout(() => {
      console.warn(`video call: no path to the other side after ${wait / 1000} s; starting the peer connection afresh`);
      this.retries += 1;
      this.dropPeer();
      this.startPeer();
    }, wait);
  }

  private count(what: keyof Call['signals']): void {
    this.signals[what] += 1;
    const { sent, applied, dropped } = this.signals;
    document.body.dataset['signals'] = `sent ${sent}, applied ${applied}, dropped ${dropped}`;
  }

  private dropPeer(): void {
    this.watch(false);
    this.peer?.close();
    this.peer = null;
    this.remoteVideo.srcObject = null;
  }

  private apply(event: CallEvent): void {
    this.state = nextCallState(this.state, event);
    if (this.state) show(this.state);
  }
}

/** The state on the page: `body[data-call-state]` and the line that says it. */
export function show(state: CallState): void {
  document.body.dataset['callState'] = state;
  byId('call-status').textContent = t(`video.state.${state}`);
}
