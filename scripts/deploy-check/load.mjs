// deploy-check's load step: residents' submissions through the balancer at a steady rate, each with its own
// clientRequestId, while the shell kills containers. Then: every failed submission is retried with the
// same clientRequestId (as a resident's page would: every 2 s, for at most 2 minutes), every accepted (202)
// one must become a case (read as the community's dispatcher) and reach the community's board: pushed
// live, or in the board's re-read after a `resync` (docs/api.md: what a board does when the gateway says it
// may have missed events). The board listens on each gateway directly, so a killed gateway's gap is heard
// through the other one.
//   node scripts/deploy-check/load.mjs --base URL --gateways URL,URL --rate N --seconds N --out FILE
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COMMUNITY, call, connectHub, eachLimited, seconds, signIn, sleep, submission } from './common.mjs';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:8080' },
    gateways: { type: 'string', default: 'http://127.0.0.1:5080,http://127.0.0.1:5081' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    out: { type: 'string', default: 'load.json' },
    'settle-seconds': { type: 'string', default: '180' },
  },
});
const base = args.base;
const rate = Number(args.rate);
const duration = Number(args.seconds);
const settleMs = Number(args['settle-seconds']) * 1000;
const CATEGORIES = ['heating', 'water-power', 'property', 'environment', 'suggestion', 'neighbour-dispute', 'certificates'];

const pushedAt = new Map();
const resyncedAt = new Map();
let reconnects = 0;
let resyncs = 0;

// A board told to resync reads the community's open cases again.
async function resync(token) {
  resyncs++;
  const answer = await call(base, 'GET', `/api/v1/communities/${COMMUNITY}/cases`, { token, timeoutMs: 30_000 });
  if (answer.status !== 200 || !Array.isArray(answer.body)) return;
  for (const c of answer.body) if (!resyncedAt.has(c.caseId)) resyncedAt.set(c.caseId, Date.now());
}

async function listen(gateway, token) {
  return connectHub(gateway, {
    token,
    onCaseUpdated: (update) => { if (!pushedAt.has(update.caseId)) pushedAt.set(update.caseId, Date.now()); },
    onResync: () => { resync(token).catch(() => {}); },
    onConnected: (connection) => connection.invoke('WatchCommunity', COMMUNITY),
    onState: (state) => { if (state === 'reconnected') reconnects++; },
  });
}

async function submit(record) {
  const started = Date.now();
  const answer = await call(base, 'POST', '/api/v1/cases', { body: record.body, timeoutMs: 15_000 });
  return { at: started, ms: Date.now() - started, status: answer.status, error: answer.error ?? answer.body?.code, caseId: answer.body?.caseId };
}

async function drive() {
  const records = [];
  const inFlight = [];
  const start = Date.now();
  for (let n = 1; n <= rate * duration; n++) {
    const due = start + ((n - 1) * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    const record = { n, body: submission(n, CATEGORIES[n % CATEGORIES.length]) };
    records.push(record);
    inFlight.push(submit(record).then((first) => { record.first = first; }));
  }
  await Promise.all(inFlight);
  return { records, start, end: Date.now() };
}

// A case is created once the silo has taken it: its staff view answers with a status past `submitted`.
async function settle(caseIds, token) {
  const createdAt = new Map();
  const deadline = Date.now() + settleMs;
  let pending = [...caseIds];
  while (pending.length > 0 && Date.now() < deadline) {
    await eachLimited(pending, 16, async (caseId) => {
      const answer = await call(base, 'GET', `/api/v1/cases/${encodeURIComponent(caseId)}`, { token });
      if (answer.status === 200 && answer.body?.status && answer.body.status !== 'submitted') createdAt.set(caseId, Date.now());
    });
    pending = pending.filter((id) => !createdAt.has(id));
    if (pending.length > 0) await sleep(2000);
  }
  const pushDeadline = Date.now() + 30_000;
  while ([...createdAt.keys()].some((id) => !onBoard(id)) && Date.now() < pushDeadline) await sleep(500);
  return { createdAt, notCreated: pending };
}

const onBoard = (caseId) => pushedAt.has(caseId) || resyncedAt.has(caseId);

// Retries every failed submission with its own clientRequestId until accepted, every 2 s for at most 2 minutes.
async function retry(failed) {
  const deadline = Date.now() + 120_000;
  let pending = failed;
  while (pending.length > 0) {
    await eachLimited(pending, 8, async (record) => {
      record.retry = await submit(record);
      record.retries = (record.retries ?? 0) + 1;
    });
    pending = pending.filter((r) => r.retry.status !== 202);
    if (pending.length === 0 || Date.now() > deadline) break;
    await sleep(2000);
  }
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main() {
  const token = await signIn(base, 'ximen-dispatcher');
  const watchers = await Promise.all(args.gateways.split(',').map((gateway) => listen(gateway, token)));
  const { records, start, end } = await drive();

  const failed = records.filter((r) => r.first.status !== 202);
  const retryStart = Date.now();
  await retry(failed);
  const retrySeconds = seconds(Date.now() - retryStart);
  const accepted = records.filter((r) => r.first.status === 202 || r.retry?.status === 202);
  const caseOf = (r) => (r.first.status === 202 ? r.first.caseId : r.retry.caseId);
  const caseIds = [...new Set(accepted.map(caseOf))];
  const { notCreated } = await settle(caseIds, token);
  const notPushed = caseIds.filter((id) => !onBoard(id));
  const resyncedOnly = caseIds.filter((id) => !pushedAt.has(id) && resyncedAt.has(id)).length;
  await Promise.all(watchers.map((w) => w.stop()));

  const acceptedAtOnce = records.filter((r) => r.first.status === 202);
  const latencies = acceptedAtOnce.map((r) => r.first.ms);
  const toPush = acceptedAtOnce.filter((r) => pushedAt.has(r.first.caseId)).map((r) => pushedAt.get(r.first.caseId) - r.first.at);
  const summary = {
    rate, seconds: duration, start, end,
    sent: records.length,
    acceptedFirst: latencies.length,
    failedFirst: failed.map((r) => ({ n: r.n, at: r.first.at, ms: r.first.ms, status: r.first.status, error: r.first.error ?? null, retry: r.retry.status, retries: r.retries })),
    acceptedAfterRetry: failed.filter((r) => r.retry.status === 202).length,
    retrySeconds,
    accepted: accepted.length,
    distinctCases: caseIds.length,
    created: caseIds.length - notCreated.length,
    notCreated,
    pushed: caseIds.length - notPushed.length - resyncedOnly,
    resyncedOnly,
    notPushed,
    hubReconnects: reconnects,
    resyncs,
    acceptMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    pushMs: { p50: percentile(toPush, 50), p95: percentile(toPush, 95), max: percentile(toPush, 100) },
  };
  writeFileSync(args.out, JSON.stringify(summary, null, 2));
  console.log(`load: ${summary.sent} sent in ${seconds(end - start)} s, ${summary.acceptedFirst} accepted at once, ` +
    `${failed.length} failed (${summary.acceptedAfterRetry} accepted on retry within ${retrySeconds} s); ${summary.created}/${summary.distinctCases} cases created, ` +
    `${summary.pushed} pushed live, ${resyncedOnly} seen only after a resync`);
}

main().then(() => process.exit(0), (error) => {
  console.error(`load FAILED: ${error.stack ?? error.message}`);
  process.exit(1);
});
