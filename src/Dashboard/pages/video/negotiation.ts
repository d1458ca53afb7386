// One peer connection to the other party, negotiated with the "perfect negotiation" pattern
// (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example): both sides may offer at once;
// the polite side (the resident) yields to the other's offer, the impolite one ignores a colliding
// offer. Signals go through the hub (`Signal`) and come back as `callSignal`.

export interface Signal {
  description?: RTCSessionDescriptionInit;
  candidate?: RTCIceCandidateInit | null;
}

export interface PeerHooks {
  send: (signal: Signal) => Promise<void>;
  remote: (stream: MediaStream) => void;
  link: (state: RTCPeerConnectionState) => void;
}

export class Peer {
  private readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;

  constructor(private readonly polite: boolean, iceServers: RTCIceServer[], local: MediaStream, private readonly hooks: PeerHooks) {
    this.pc = new RTCPeerConnection({ iceServers });
    for (const track of local.getTracks()) this.pc.addTrack(track, local);
    this.pc.ontrack = ({ track, streams }) => {
      hooks.remote(streams[0] ?? new MediaStream([track]));
    };
    this.pc.onicecandidate = ({ candidate }) => void hooks.send({ candidate: candidate ? candidate.toJSON() : null }).catch(warn);
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) await hooks.send({ description: this.pc.localDescription.toJSON() });
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
      if (description.type === 'offer') {
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) await this.hooks.send({ description: this.pc.localDescription.toJSON() });
      }
    } else if (candidate !== undefined) {
      try {
        await this.pc.addIceCandidate(candidate ?? undefined);
      } catch (err) {
        if (!this.ignoreOffer) throw err;
      }
    }
  }

  close(): void {
    this.pc.onconnectionstatechange = null;
    this.pc.close();
  }
}

function warn(err: unknown): void {
  console.warn('video call', err);
}
