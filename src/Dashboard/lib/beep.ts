// A short two-tone alert with WebAudio. Browsers only let audio start after a user gesture,
// so the context is created/resumed on the first tap or key press.

interface AudioWindow {
  AudioContext?: typeof AudioContext;
  webkitAudioContext?: typeof AudioContext;
}

let context: AudioContext | null = null;

function getContext(): AudioContext | null {
  if (context) return context;
  const w = window as unknown as AudioWindow;
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    context = null;
  }
  return context;
}

/** True when sound can play now (the context exists and is running). */
export function soundReady(): boolean {
  return context?.state === 'running';
}

/** Call once at start-up: unlocks audio on the first user gesture. */
export function unlockAudioOnGesture(onUnlocked?: () => void): void {
  const unlock = (): void => {
    const ctx = getContext();
    if (!ctx) return;
    void ctx.resume().then(() => {
      if (ctx.state === 'running') {
        window.removeEventListener('pointerdown', unlock, true);
        window.removeEventListener('keydown', unlock, true);
        onUnlocked?.();
      }
    });
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
}

/**
 * True once the person has tapped or typed on the page. Chromium blocks `navigator.vibrate` before
 * that (and logs an error), so a page opened and left alone only beeps.
 */
export function hasBeenActive(nav: Pick<Navigator, 'userActivation'> = navigator): boolean {
  return nav.userActivation?.hasBeenActive === true;
}

/** Play the alert (and vibrate where supported and allowed). Silently does nothing without audio. */
export function beep(): void {
  if (hasBeenActive()) navigator.vibrate?.([200, 100, 200]);
  const ctx = getContext();
  if (!ctx) return;
  if (ctx.state !== 'running') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  [880, 1175].forEach((frequency, i) => {
    const t = start + i * 0.2;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(frequency, t);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.4, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.2);
  });
}
