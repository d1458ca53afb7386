// The live call: joins through the hub (`JoinCall`), keeps one peer connection to the other
// party while it is there, shows both videos and the state, and hangs up (`LeaveCall`).
import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { byId } from '../../lib/dom';
import { t } from '../../lib/i18n';
import { Peer, type Signal } from './negotiation';
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

export class Call {
  private state: CallState | null = null;
  private peer: Peer | null = null;
  private joined: CallJoined | null = null;
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
      send: (signal) => this.connection.invoke('Signal', this.petitionId, signal),
      remote: (stream) => {
        if (this.remoteVideo.srcObject !== stream) this.remoteVideo.srcObject = stream;
      },
      link: (state) => {
        // The peer connection's own state beside the call's, for whoever looks into a call that does not connect.
        document.body.dataset['linkState'] = state;
        this.apply({ type: 'link', state });
      },
    });
  }

  private dropPeer(): void {
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
