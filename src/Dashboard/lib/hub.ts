// SignalR connection to /hubs/dispatch, with reconnection that never gives up (cadres are on
// poor mobile networks), a visible connection state, and a hook that runs after the first
// start, after every reconnect and on a `resync` push (to re-join groups and re-fetch snapshots).
// Pages go live through `startLive`.
import {
  HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel, type IRetryPolicy,
} from '@microsoft/signalr';
import { onLocaleChange, t } from './i18n';
import { connectionText, type ConnectionState } from './labels';

export const HUB_PATH = '/hubs/dispatch';

/** The push that asks a page to fetch its snapshots again (docs/api.md). */
export const RESYNC = 'resync';

/** 0 s, 2 s, 5 s, 10 s, then every 20 s, forever. */
export const foreverRetryPolicy: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount }) =>
    [0, 2_000, 5_000, 10_000][previousRetryCount] ?? 20_000,
};

/** Build a connection: anonymous (resident) or with a bearer token (staff). */
export function createHub(accessTokenFactory?: () => string): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(HUB_PATH, accessTokenFactory ? { accessTokenFactory } : {})
    .withAutomaticReconnect(foreverRetryPolicy)
    .configureLogging(LogLevel.Warning)
    .build();
}

export interface HubLifecycle {
  /** Runs after the first successful start and after every reconnect or `resync` push. */
  onConnected: (reconnected: boolean) => Promise<void> | void;
  onStateChange?: (state: ConnectionState) => void;
  /** The hub refused the token (401 on negotiate); no retries after this. */
  onUnauthorized?: () => void;
  /** `onConnected` failed (e.g. a HubException from WatchCommunity). */
  onError?: (err: unknown) => void;
}

export interface HubHandle {
  connection: HubConnection;
  stop: () => Promise<void>;
}

/**
 * Start the connection and keep it up. `withAutomaticReconnect` covers drops after a
 * successful start; this also retries the first start and restarts after a final close.
 */
export function runHub(connection: HubConnection, lifecycle: HubLifecycle): HubHandle {
  let stopped = false;
  let attempt = 0;
  let timer: number | undefined;

  const setState = (state: ConnectionState): void => lifecycle.onStateChange?.(state);

  const connected = async (reconnected: boolean): Promise<void> => {
    setState('connected');
    try {
      await lifecycle.onConnected(reconnected);
    } catch (err) {
      lifecycle.onError?.(err);
    }
  };

  const start = async (): Promise<void> => {
    window.clearTimeout(timer);
    timer = undefined;
    if (stopped || connection.state !== HubConnectionState.Disconnected) return;
    setState(attempt === 0 ? 'connecting' : 'reconnecting');
    try {
      await connection.start();
      attempt = 0;
      await connected(false);
    } catch (err) {
      if (stopped) return;
      if (isUnauthorized(err)) {
        setState('unauthorized');
        lifecycle.onUnauthorized?.();
        return;
      }
      attempt += 1;
      setState('disconnected');
      const delay = foreverRetryPolicy.nextRetryDelayInMilliseconds({
        previousRetryCount: attempt, elapsedMilliseconds: 0, retryReason: err as Error,
      }) ?? 20_000;
      timer = window.setTimeout(() => void start(), delay);
    }
  };

  // The gateway may have missed events for us (its registry restarted): as after a reconnect.
  connection.on(RESYNC, () => void connected(true));
  connection.onreconnecting(() => setState('reconnecting'));
  connection.onreconnected(() => void connected(true));
  connection.onclose(() => {
    if (stopped) return;
    setState('disconnected');
    attempt = Math.max(attempt, 1);
    timer = window.setTimeout(() => void start(), 2_000);
  });

  // A phone that wakes up or comes back online should not wait for the next retry.
  const nudge = (): void => {
    if (!stopped && document.visibilityState === 'visible' && connection.state === HubConnectionState.Disconnected && timer !== undefined) {
      void start();
    }
  };
  document.addEventListener('visibilitychange', nudge);
  window.addEventListener('online', nudge);

  void start();

  return {
    connection,
    stop: async () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', nudge);
      window.removeEventListener('online', nudge);
      await connection.stop();
    },
  };
}

export interface LiveOptions {
  /** The staff bearer token as it is now (renewed while the page is open), read at every (re)connect; none for a resident. */
  accessToken?: () => string;
  /** `#connection-state`: shown, and kept saying the connection's state. */
  connectionState: HTMLElement;
  /** Hub pushes this page takes (`caseUpdated`, `rosterUpdated` …) and their handlers. */
  on: Record<string, (payload: never) => void>;
  /** Join the groups the page watches (`WatchCommunity` …); runs after every (re)connect. */
  watch?: (connection: HubConnection) => Promise<unknown>;
  /** After `watch`: read the snapshots again, since anything may have been missed. */
  onConnected: (reconnected: boolean) => Promise<unknown> | void;
  onStateChange?: (state: ConnectionState) => void;
  onUnauthorized?: () => void;
  onError?: (err: unknown) => void;
}

/** The one way a page goes live: connect, take the pushes, show the state, re-join and resync on every reconnect. */
export function startLive(options: LiveOptions): HubHandle {
  const connection = createHub(options.accessToken);
  for (const [name, handler] of Object.entries(options.on)) connection.on(name, handler as (...args: unknown[]) => void);
  options.connectionState.hidden = false;
  return runHub(connection, {
    onStateChange: (state) => {
      showConnectionState(options.connectionState, state);
      options.onStateChange?.(state);
    },
    onConnected: async (reconnected) => {
      await options.watch?.(connection);
      await options.onConnected(reconnected);
    },
    onUnauthorized: options.onUnauthorized,
    onError: options.onError,
  });
}

function isUnauthorized(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /Status code '401'|\b401\b.*Unauthorized|Unauthorized.*\b401\b/.test(message);
}

/** Elements already following language switches (one listener each). */
const followed = new WeakSet<HTMLElement>();

/**
 * Show the connection state in `#connection-state` (text in the chosen language and `data-state`).
 * The element follows language switches on its own: the state shown is said again in the new language.
 */
export function showConnectionState(el: HTMLElement, state: ConnectionState): void {
  const text = connectionText(state);
  el.dataset['state'] = state;
  el.textContent = text;
  el.title = `${t('common.connection.label')}: ${text}`;
  if (!followed.has(el)) {
    followed.add(el);
    onLocaleChange(() => {
      const shown = el.dataset['state'] as ConnectionState | undefined;
      if (shown) showConnectionState(el, shown);
    });
  }
}
