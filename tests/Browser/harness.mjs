// Starts the real system for the browser tests, as run.sh does but on free ports and in a temp
// folder: Azurite (in memory), one silo and one gateway; stops everything it started by PID.
import { spawn } from 'node:child_process';
import { after, afterEach, before } from 'node:test';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The seeded staff accounts' shared password (run.sh and the README use the same). */
export const DEMO_PASSWORD = 'gongzhi-demo-2026';

// This run's own storage account and keys: nothing public or committed signs or opens anything.
const ACCOUNT = 'gongzhibrowser';
const ACCOUNT_KEY = randomBytes(64).toString('base64');
const KEYS = { Auth__SigningKey: randomBytes(48).toString('base64'), Gateway__TrackingKey: randomBytes(48).toString('base64') };

// Ports are taken below the system's ephemeral range: one from that range (as listening on port 0 gives) can be
// handed to an outgoing connection before the process we start binds it (tests/Shared/FreePorts.cs says the same).
const LOWEST_PORT = 15000;
const EPHEMERAL_START = (() => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 49152;
  } catch {
    return 49152;
  }
})();
const givenPorts = new Set();

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
function isFree(port) {
  return new Promise((ok) => {
    const server = createServer();
    server.unref();
    server.once('error', () => ok(false));
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
  });
}

/** A port nothing listens on right now, not handed out before by this process. */
async function freePort() {
  for (let attempt = 0; attempt < 1000 && EPHEMERAL_START - LOWEST_PORT > 1000; attempt++) {
    const port = LOWEST_PORT + Math.floor(Math.random() * (EPHEMERAL_START - LOWEST_PORT));
    if (!givenPorts.has(port) && await isFree(port)) {
      givenPorts.add(port);
      return port;
    }
  }
  // An unusual range: let the system choose.
  const port = await new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const chosen = server.address().port;
      server.close(() => ok(chosen));
    });
  });
  givenPorts.add(port);
  return port;
}

async function freePorts(n) {
  const ports = [];
  while (ports.length < n) ports.push(await freePort());
  return ports;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every child we started, so an unexpected exit still kills them. */
const children = new Set();
process.on('exit', () => {
  for (const child of children) {
    try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
});

function start(name, command, args, { cwd, env, logDir }) {
  const log = join(logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  child.logPath = log;
  child.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  child.exited.then(() => children.delete(child));
  children.add(child);
  return child;
}

/** TERM, a grace period, then KILL — by PID, only what we started. */
async function stop(child, graceMs = 5_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(child.pid, 'SIGTERM'); } catch { return; }
  const done = await Promise.race([child.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ }
    await child.exited;
  }
}

function tail(path, lines = 40) {
  try { return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

async function waitFor(what, check, timeoutMs, processes) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    for (const p of processes) {
      if (p.exitCode !== null || p.signalCode !== null) {
        throw new Error(`${what}: a process exited early (${p.logPath}):\n${tail(p.logPath)}`);
      }
    }
    try { if (await check()) return; } catch { /* not yet */ }
    if (Date.now() > until) {
      throw new Error(`${what}: timed out after ${timeoutMs} ms\n${processes.map((p) => `--- ${p.logPath}\n${tail(p.logPath)}`).join('\n')}`);
    }
    await sleep(200);
  }
}

function portOpen(port) {
  return fetch(`http://127.0.0.1:${port}/`).then(() => true, (err) => {
    // Azurite answers with an HTTP error; only a refused connection means "not yet".
    return !(err?.cause?.code === 'ECONNREFUSED');
  });
}

/**
 * Starts Azurite, the silo and the gateway. Returns { baseUrl, signIn(), api(), stop() }.
 * `gatewayEnv`: settings of this file's own gateway (e.g. `{ Auth__TokenLifetime: '00:00:12' }`).
 * The .NET projects and the dashboard must be built (test.sh does; npm run test:browser does not).
 */
export async function startSystem({ gatewayEnv = {} } = {}) {
  const silo = join(REPO, 'src/Silo/bin/Debug/net10.0/Gongzhi.Silo.dll');
  const gateway = join(REPO, 'src/Gateway/bin/Debug/net10.0/Gongzhi.Gateway.dll');
  for (const dll of [silo, gateway]) {
    if (!existsSync(dll)) throw new Error(`${dll} is missing: run dotnet build Gongzhi.slnx && npm run build:dashboard first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-browser-'));
  const [blob, queue, table, siloPort, gatewayPort, httpPort, siloManagementPort, gatewayManagementPort] = await freePorts(8);
  const storage = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};`
    + `BlobEndpoint=http://127.0.0.1:${blob}/${ACCOUNT};QueueEndpoint=http://127.0.0.1:${queue}/${ACCOUNT};`
    + `TableEndpoint=http://127.0.0.1:${table}/${ACCOUNT};`;
  const clusterId = `browser-${randomUUID().slice(0, 8)}`;
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const started = [];
  const opts = (cwd, env) => ({ cwd, env, logDir: dir });

  const stopAll = async () => {
    for (const child of [...started].reverse()) await stop(child);
    if (!process.env.KEEP_BROWSER_LOGS) rmSync(dir, { recursive: true, force: true });
  };

  try {
    const azurite = start('azurite', process.execPath, [
      join(REPO, 'node_modules/azurite/dist/src/azurite.js'),
      '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--inMemoryPersistence',
      '--blobHost', '127.0.0.1', '--blobPort', `${blob}`, '--queueHost', '127.0.0.1', '--queuePort', `${queue}`,
      '--tableHost', '127.0.0.1', '--tablePort', `${table}`,
    ], opts(dir, { AZURITE_ACCOUNTS: `${ACCOUNT}:${ACCOUNT_KEY}` }));
    started.push(azurite);
    await waitFor('Azurite', async () => (await portOpen(blob)) && (await portOpen(queue)) && (await portOpen(table)), 60_000, [azurite]);

    const siloProc = start('silo', 'dotnet', [silo], opts(join(REPO, 'src/Silo'), {
      DOTNET_ENVIRONMENT: 'Development',
      ConnectionStrings__Storage: storage,
      Orleans__ClusterId: clusterId,
      Orleans__SiloPort: `${siloPort}`,
      Orleans__GatewayPort: `${gatewayPort}`,
      Management__Urls: `http://127.0.0.1:${siloManagementPort}`,
      Seeds__Path: join(REPO, 'seeds'),
      Seeds__DemoPassword: DEMO_PASSWORD,
      ...KEYS,
    }));
    started.push(siloProc);
    const gatewayProc = start('gateway', 'dotnet', [gateway], opts(join(REPO, 'src/Gateway'), {
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: baseUrl,
      Management__Urls: `http://127.0.0.1:${gatewayManagementPort}`,
      Ops__OrleansDashboard: `http://127.0.0.1:${siloManagementPort}/dashboard`,
      ConnectionStrings__Storage: storage,
      Orleans__ClusterId: clusterId,
      ...KEYS,
      // The tests sign in and load pages faster than people do; tests/Gateway.Tests covers the limits.
      RateLimits__Enabled: 'false',
      ...gatewayEnv,
    }));
    started.push(gatewayProc);
    await waitFor('gateway /healthz', async () => (await fetch(`${baseUrl}/healthz`)).status === 200, 120_000, [azurite, siloProc, gatewayProc]);
    // The silo creates the seeded accounts after it starts: the last one listed signing in means all are there.
    const seeded = JSON.parse(readFileSync(join(REPO, 'seeds', 'staff.json'), 'utf8')).accounts.at(-1).username;
    await waitFor(`seeded account ${seeded}`, async () => (await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: seeded, password: DEMO_PASSWORD }),
    })).status === 200, 60_000, [azurite, siloProc, gatewayProc]);
  } catch (err) {
    await stopAll();
    throw err;
  }

  /** JSON API call; throws on a non-2xx answer. */
  const api = async (method, path, body, token) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  /** A staff token, signed in as a person would (`POST /api/v1/auth/login`). */
  const signIn = async (username, password = DEMO_PASSWORD) => (await api('POST', '/api/v1/auth/login', { username, password })).token;

  return { baseUrl, dir, api, signIn, stop: stopAll };
}

/**
 * Chromium from the system (no Playwright browser download). Every page it opens is watched (`assertPagesClean`).
 * `args`: more command-line flags (e.g. the fake camera of the video call test).
 */
export async function launchBrowser(args = []) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...args],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', watch);
    return context;
  };
  return browser;
}

// ── a clean page: nothing in Chromium's console, no uncaught error, no failed request ──────────

/** Every open page of the browser. */
const watched = new Set();

/** Records on `page.troubles` what a person with the console open would see go wrong. */
function watch(page) {
  page.troubles = [];
  page.allowed = [];
  watched.add(page);
  page.on('close', () => watched.delete(page));
  const note = (trouble) => {
    if (!page.allowed.some((allow) => allow(trouble))) page.troubles.push(trouble);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') note({ kind: 'console', text: msg.text(), url: msg.location()?.url ?? '' });
  });
  page.on('pageerror', (err) => note({ kind: 'pageerror', text: String(err), url: '' }));
  page.inFlight = new Set();
  page.on('request', (req) => page.inFlight.add(req));
  page.on('requestfinished', (req) => page.inFlight.delete(req));
  page.on('requestfailed', (req) => page.inFlight.delete(req));
  page.on('requestfailed', (req) => note({ kind: 'requestfailed', text: `${req.method()} ${req.url()}: ${req.failure()?.errorText ?? ''}`, url: req.url() }));
  page.on('response', (res) => {
    if (res.status() >= 400) note({ kind: 'response', text: `${res.status()} ${res.request().method()} ${res.url()}`, url: res.url(), status: res.status() });
  });
}

/**
 * A refusal the test provokes on purpose: answers `status` from a URL matching `url` are not
 * troubles, nor is Chromium's console line about them ("Failed to load resource: … status of 409").
 */
export function expectRefusal(page, status, url) {
  page.allowed.push((t) => url.test(t.url) && (t.status === status
    || (t.kind === 'console' && t.text.includes(`status of ${status}`))));
}

/**
 * The hub refuses the page's token on purpose (its session ended on the server): the 401 on the negotiation, and
 * the SignalR client's own console lines about it ("Failed to complete negotiation … Status code '401'"), are
 * not troubles. The page itself must still handle it cleanly (it shows the sign-in form).
 */
export function expectHubRefusal(page, status = 401) {
  expectRefusal(page, status, /\/hubs\/dispatch\/negotiate/);
  page.allowed.push((t) => t.kind === 'console' && t.text.includes('negotiation') && t.text.includes(`Status code '${status}'`));
}

/**
 * The test cuts the page's network on purpose: until the returned function is called, failed
 * requests and the console errors of a lost connection are not troubles (uncaught errors still are).
 */
export function expectNetworkLoss(page) {
  const allow = (t) => t.kind === 'requestfailed' || t.kind === 'console';
  page.allowed.push(allow);
  return () => { page.allowed = page.allowed.filter((a) => a !== allow); };
}

/**
 * Waits until the page has had no request on its way for `quietMs` (its hub's WebSocket is not a request): leaving
 * a page sooner aborts what it is loading, which is then a failed request in the console.
 */
export async function requestsSettled(page, { quietMs = 300, timeoutMs = 15_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let quietSince = page.inFlight.size === 0 ? Date.now() : null;
  while (quietSince === null || Date.now() - quietSince < quietMs) {
    if (Date.now() > until) {
      throw new Error(`Requests still on their way after ${timeoutMs} ms: ${[...page.inFlight].map((r) => r.url()).join(', ')}`);
    }
    await sleep(50);
    if (page.inFlight.size > 0) quietSince = null;
    else quietSince ??= Date.now();
  }
}

/** Fails, listing each by page, when any open page had a trouble since the last call. */
export function assertPagesClean() {
  const found = [...watched].flatMap((page) => page.troubles.map((t) => `${page.url()}\n    ${t.kind}: ${t.text}`));
  for (const page of watched) page.troubles = [];
  if (found.length > 0) throw new Error(`The pages were not clean in Chromium:\n  ${found.join('\n  ')}`);
}

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESK = { viewport: { width: 1400, height: 900 } };

/**
 * One system and one browser for a test file: started before its tests, every page checked clean after each
 * test, everything stopped at the end. `suite.sys` is the started system (`startSystem`); `suite.page(device)`
 * opens a page in a context of its own (a separate person's storage), not yet navigated, with its hub
 * WebSockets in `page.hubSockets`.
 */
export function browserSuite({ gatewayEnv, browserArgs } = {}) {
  const contexts = [];
  const suite = { sys: null, browser: null };
  before(async () => {
    [suite.sys, suite.browser] = await Promise.all([startSystem({ gatewayEnv }), launchBrowser(browserArgs)]);
  }, { timeout: 150_000 });
  afterEach(assertPagesClean);
  after(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await suite.browser?.close();
    await suite.sys?.stop();
  }, { timeout: 60_000 });
  suite.page = async (device, { timeout = 20_000 } = {}) => {
    const context = await suite.browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    context.setDefaultTimeout(timeout);
    const page = await context.newPage();
    page.hubSockets = [];
    page.on('websocket', (ws) => { if (ws.url().includes('/hubs/')) page.hubSockets.push(ws); });
    return page;
  };
  return suite;
}
