// System notifications for the cadre's phone (Notification API). Permission is asked only from a
// user gesture (the "turn on notifications" button); without support or permission nothing happens
// and the sound and the toast still tell the cadre.

export type NotifyState = 'unsupported' | 'default' | 'granted' | 'denied';

function api(): typeof Notification | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

export function notificationState(): NotifyState {
  const N = api();
  return N ? N.permission : 'unsupported';
}

/** Ask for permission; call from a click handler. */
export async function requestNotifications(): Promise<NotifyState> {
  const N = api();
  if (!N) return 'unsupported';
  try {
    return await N.requestPermission();
  } catch {
    return N.permission;
  }
}

/** Show a notification when allowed; `tag` replaces an earlier one about the same thing. */
export function notify(title: string, body: string, tag: string): void {
  const N = api();
  if (!N || N.permission !== 'granted') return;
  try {
    const n = new N(title, { body, tag, lang: document.documentElement.lang });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    // Android Chrome allows notifications only from a service worker; the toast and sound remain.
    void navigator.serviceWorker?.getRegistration?.()
      .then((reg) => reg?.showNotification(title, { body, tag }))
      .catch(() => undefined);
  }
}
