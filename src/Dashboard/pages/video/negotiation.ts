// One peer connection to the other party, negotiated with the "perfect negotiation" pattern
// (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example): both sides may offer at once;
// the polite side (the resident) yields to the other's offer, the impolite one ignores a colliding
// offer. Signals go through the hub (`Signal`) and come back as `callSignal`, each naming the peer
// connection it is from and for (pairing.ts).
import { newPeerId, type Pairing } from './pairing';

export interface Signal {
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit | null;
  /** The sending peer connection's id. */
  from?: string;
  /** The peer connection it is for; null before the sender heard the other side's. */
  to?: string | null;
}

export interface PeerHooks {
  send: (signal: Signal) => Promise<void>;
  remote: (stream: MediaStream) => void;
  link: (state: RTCPeerConnectionState) => void;
}

export class Peer implements Pairing {
  readonly id = newPeerId();
  /** The other party's peer connection whose description this one took; null until then. */
  remote: string | null = null;
  private readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;

  constructor(private readonly polite: boolean, iceServers: RTCIceServer[], local: MediaStream, private readonly hooks: PeerHooks) {
    this.pc = new RTCPeerConnection({ iceServers });
    for (const track of local.getTracks()) this.pc.addTrack(track, local);
    this.pc.ontrack = ({ track, streams }) => {
      hooks.remote(streams[0] ?? new MediaStream([track]));
    };
    this.pc.onicecandidate = ({ candidate }) => void this.send({ candidate: candidate ? candidate.toJSON() : null }).catch(warn);
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) await this.send({ description: this.pc.localDescription.toJSON() });
      } catch (err) {
        warn(err);
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onconnectionstatechange = () => {
      hooks.link(this.pc.connectionState);
      if (this.pc.connectionState === 'failed') this.pc.restartIce();
    };
  }

  async receive(signal: Signal): Promise<void> {
    const { description, candidate } = signal;
    if (description) {
      const collision = description.type === 'offer' && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await this.pc.setRemoteDescription(description);
      // Paired from now on: signals of the other party's other peer connections are not for this one.
      this.remote = signal.from ?? this.remote;
      if (description.type === 'offer') {
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) await this.send({ description: this.pc.localDescription.toJSON() });
      }
    } else if (candidate !== undefined) {
      try {
        await this.pc.addIceCandidate(candidate ?? undefined);
      } catch (err) {
        if (!this.ignoreOffer) throw err;
      }
    }
  }

  private send(signal: Signal): Promise<void> {
    return this.hooks.send({ ...signal, from: this.id, to: this.remote });
  }

  close(): void {
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }
}

function warn(err: unknown): void {
  console.warn('video call', err);
}
