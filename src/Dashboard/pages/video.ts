// 视频信访 as a live call, `/video/{petitionId}`. The resident arrives from the tracking page with
// the case's tracking token in the link's fragment (`#t=…`, never sent to a server); the official
// who accepted the petition arrives signed in. Both accept the consent notice before the camera
// starts, then meet over WebRTC with the hub as the signalling channel (pages/video/call.ts). The
// official also sees the case in short and records the outcome (pages/video/official.ts).
import { byId, setMessage } from '../lib/dom';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import { mountLanguageSwitch, t, translateDocument, onLocaleChange } from '../lib/i18n';
import { StaffSession } from '../lib/session';
import { Call, show } from './video/call';
import { listenOutcome, showSummary } from './video/official';
import { hubRefusal, petitionFromPath, tokenFromHash } from './video/state';

/** The refusals of `JoinCall` the page puts into words; any other is said in general. */
const KNOWN_REFUSALS = new Set(['not-a-party', 'petition-not-found', 'petition-wrong-status']);
const pageMessage = byId('page-message');
const connectionState = byId('connection-state');
const callSection = byId('call-section');
const petitionId = petitionFromPath(window.location.pathname);

/** The resident's token: from the fragment on arrival, then kept for this tab only (a reload keeps working). */
function residentToken(): string | null {
  if (!petitionId) return null;
  const key = `gongzhi.video.${petitionId}`;
  const fresh = tokenFromHash(window.location.hash);
  if (fresh) {
    sessionStorage.setItem(key, fresh);
    history.replaceState(null, '', window.location.pathname);
  }
  return fresh ?? sessionStorage.getItem(key);
}

const trackingToken = residentToken();
const session = trackingToken || !petitionId ? null
  : new StaffSession({ expiredKey: 'video.expired', signin: byId('signin'), section: callSection, connectionState, pageMessage });
let said: (() => string) | null = null;

function say(words: (() => string) | null, kind: 'error' | 'info' = 'error'): void {
  said = words;
  setMessage(pageMessage, words ? words() : null, kind);
}

translateDocument();
if (session) session.mountHeader();
else mountLanguageSwitch(byId('topbar-right'));
onLocaleChange(() => {
  translateDocument();
  if (said) setMessage(pageMessage, said(), 'error');
  const state = document.body.dataset['callState'];
  if (state) show(state as Parameters<typeof show>[0]);
});

if (!petitionId) say(() => t('video.badLink'));
else if (trackingToken || session?.current) byId('consent').hidden = false;

byId('consent-form').addEventListener('submit', (event) => {
  event.preventDefault();
  byId('consent').hidden = true;
  void start();
});

async function start(): Promise<void> {
  let local: MediaStream;
  try {
    local = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch {
    say(() => t('video.noCamera'));
    return;
  }
  callSection.hidden = false;
  byId<HTMLVideoElement>('local-video').srcObject = local;
  listenControls(local);

  const staff = session;
  const connection = createHub(staff ? () => staff.token : undefined);
  let hub: HubHandle | null = null;
  const call = new Call(connection, petitionId!, trackingToken, local, () => {
    connectionState.hidden = true;
    void hub?.stop();
  });
  byId('hang-up').addEventListener('click', () => void call.hangUp());
  window.addEventListener('pagehide', () => void call.hangUp());

  let summaryShown = false;
  connectionState.hidden = false;
  hub = runHub(connection, {
    onStateChange: (state) => showConnectionState(connectionState, state),
    onConnected: async () => {
      const joined = await call.join();
      say(null);
      if (staff && !summaryShown) {
        summaryShown = true;
        listenOutcome(() => staff.token, petitionId!);
        await showSummary(staff.token, joined.caseId, petitionId!);
      }
    },
    onUnauthorized: () => staff?.expire(),
    onError: (err) => {
      const code = hubRefusal(err);
      say(() => t(code && KNOWN_REFUSALS.has(code) ? `video.refused.${code}` : 'video.refused.other'));
      for (const track of local.getTracks()) track.stop();
      void hub?.stop();
    },
  });
  staff?.attachHub(hub);
}

function listenControls(local: MediaStream): void {
  const toggle = (id: string, kind: 'audio' | 'video', on: string, off: string): void => {
    const button = byId<HTMLButtonElement>(id);
    const label = (): void => {
      const enabled = local.getTracks().filter((track) => track.kind === kind).every((track) => track.enabled);
      button.textContent = t(enabled ? off : on);
      button.setAttribute('aria-pressed', String(!enabled));
    };
    button.addEventListener('click', () => {
      for (const track of local.getTracks()) if (track.kind === kind) track.enabled = !track.enabled;
      label();
    });
    onLocaleChange(label);
    label();
  };
  toggle('toggle-mic', 'audio', 'video.mic.on', 'video.mic.off');
  toggle('toggle-camera', 'video', 'video.camera.on', 'video.camera.off');
}
