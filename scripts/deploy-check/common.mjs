// What deploy-check's Node steps share: HTTP calls with a deadline, staff sign-in, a hub connection over
// WebSockets (by default skipNegotiation: one upgrade request, so no affinity is needed for it; or negotiated
// as a browser does, which needs the balancer's sticky routing) and a resident's submission. Everything talks
// to 127.0.0.1.
import { randomUUID } from 'node:crypto';
import * as signalR from '@microsoft/signalr';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'gongzhi-demo-2026';
export const COMMUNITY = 'ximen';

/** One HTTP call: `{ status, body }`, or `{ status: 0, error }` when no answer came within `timeoutMs`. */
export async function call(base, method, path, { token, body, timeoutMs = 10_000 } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
    return { status: response.status, body: parsed };
  } catch (error) {
    return { status: 0, error: describe(error) };
  }
}

/** A network failure in a few words: the cause's code (ECONNREFUSED, ECONNRESET, …) or the error's name. */
export function describe(error) {
  const cause = error?.cause;
  return cause?.code ?? cause?.name ?? error?.name ?? String(error);
}

/** Signs a seeded staff account in; throws with the answer when refused. */
export async function signIn(base, username) {
  const answer = await call(base, 'POST', '/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } });
  if (answer.status !== 200) throw new Error(`${username} could not sign in at ${base}: ${answer.status} ${answer.error ?? JSON.stringify(answer.body)}`);
  return answer.body.token;
}

/** The balancer's session-affinity cookie (src/Balancer/GatewayCluster.cs): it names the gateway by a hash. */
export const AFFINITY_COOKIE = '.Gongzhi.Affinity';

/**
 * The SignalR client's own HTTP client, watched. In Node, @microsoft/signalr's FetchHttpClient keeps a cookie
 * jar (tough-cookie behind fetch-cookie): the negotiate response's Set-Cookie goes in it, and the WebSocket
 * transport asks `getCookieString(url)` for the Cookie header of its upgrade request. This records that
 * answer, so the check can see the affinity cookie really travelled from the negotiate to the connect.
 */
export class WatchedHttpClient extends signalR.HttpClient {
  constructor() {
    super();
    this.inner = new signalR.DefaultHttpClient(signalR.NullLogger.instance);
    this.cookiesSentTo = []; // [{ url, cookies }] for each WebSocket connect
  }
  send(request) { return this.inner.send(request); }
  getCookieString(url) {
    // The client joins the jar's cookies with their attributes ("a=1; Path=/; HttpOnly; SameSite=Lax"); a
    // browser's Cookie header holds name=value pairs only, so send that.
    const cookies = this.inner.getCookieString(url)
      .split(/;\s*/)
      .filter((part) => part.includes('=') && !/^(path|domain|expires|max-age|samesite|secure|httponly)=/i.test(part))
      .join('; ');
    this.cookiesSentTo.push({ url, cookies });
    return cookies;
  }
  /** The affinity cookie's value carried into the last WebSocket connect, or null. */
  affinityAtConnect() {
    const last = this.cookiesSentTo.at(-1)?.cookies ?? '';
    const pair = last.split(/;\s*/).find((c) => c.startsWith(`${AFFINITY_COOKIE}=`));
    return pair ? pair.slice(AFFINITY_COOKIE.length + 1) : null;
  }
}

/**
 * A hub connection over WebSockets that keeps reconnecting (every second, for ever) and, after each
 * reconnect, runs `onConnected` again (hub groups are per connection). `onCaseUpdated` hears every push.
 * `negotiate: true` negotiates first (as the dashboard in a browser does: POST …/negotiate, then the
 * WebSocket with the connection token), through `httpClient` if given; otherwise it skips negotiation.
 */
export async function connectHub(base, { token, onCaseUpdated, onResync, onConnected = async () => {}, onState = () => {}, negotiate = false, httpClient }) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/dispatch`, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: !negotiate,
      httpClient,
      accessTokenFactory: token ? () => token : undefined,
    })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 1000 })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.on('caseUpdated', (update) => onCaseUpdated?.(update));
  connection.on('resync', (message) => onResync?.(message));
  connection.onreconnecting(() => onState('reconnecting'));
  connection.onreconnected(async () => {
    onState('reconnected');
    await onConnected(connection).catch(() => {});
  });
  await connection.start();
  await onConnected(connection);
  return connection;
}

/** The body of a resident's submission, numbered so that no two read alike; a fresh clientRequestId. */
export function submission(n, category) {
  return {
    communityId: COMMUNITY,
    kind: 'service',
    category,
    description: `部署检查 #${n}: ${category} 问题，请尽快处理 (${new Date().toISOString()})`,
    location: { compound: 'jishikou-east', building: String(1 + (n % 6)) },
    contact: { name: '部署检查', phone: `139${String(n).padStart(8, '0')}` },
    clientRequestId: randomUUID(),
  };
}

/** Runs `work` over `items` with at most `width` at a time. */
export async function eachLimited(items, width, work) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(lanes);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const seconds = (ms) => Math.round(ms / 100) / 10;
