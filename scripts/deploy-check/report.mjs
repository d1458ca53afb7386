// deploy-check's verdict: reads the load step's summary and the shell's record of start-up and kills,
// prints the figures (also as JSON beside them) and exits non-zero when a check failed:
// an accepted submission that never became a case or was never pushed, a failed submission still refused
// on retry, or a killed container not back (running, ready, healthy) by its restart policy.
//   node scripts/deploy-check/report.mjs LOAD_JSON EVENTS_JSON OUT_JSON
import { readFileSync, writeFileSync } from 'node:fs';
import { seconds } from './common.mjs';

const [loadFile, eventsFile, outFile] = process.argv.slice(2);
const load = JSON.parse(readFileSync(loadFile, 'utf8'));
const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
const GRACE_MS = 5000; // failures this long after a container is ready again still count for its kill

const describe = (failures) => {
  const kinds = new Map();
  for (const f of failures) {
    const kind = f.status === 0 ? f.error : `${f.status}${f.error ? ` ${f.error}` : ''}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, count]) => `${count}× ${kind}`).join(', ') || 'none';
};

// A failure counts for a kill when the request was still in flight at the kill or started before the
// container was ready again (plus a grace).
const during = (kill) => (f) => f.at + f.ms >= kill.killedAt && f.at <= (kill.readyAt ?? load.end) + GRACE_MS;
const kills = events.kills.map((kill) => {
  const failures = load.failedFirst.filter(during(kill));
  return {
    ...kill,
    restartedSeconds: kill.runningAt ? seconds(kill.runningAt - kill.killedAt) : null,
    readySeconds: kill.readyAt ? seconds(kill.readyAt - kill.killedAt) : null,
    healthySeconds: kill.healthyAt ? seconds(kill.healthyAt - kill.killedAt) : null,
    failures: failures.length,
    failureKinds: describe(failures),
  };
});
const inWindows = new Set(events.kills.flatMap((kill) => load.failedFirst.filter(during(kill))));
const elsewhere = load.failedFirst.filter((f) => !inWindows.has(f));

const problems = [];
if (load.notCreated.length > 0) problems.push(`${load.notCreated.length} accepted submissions never became a case (${load.notCreated.slice(0, 5).join(', ')})`);
if (load.notPushed.length > 0) problems.push(`${load.notPushed.length} cases never reached the board, neither pushed nor after a resync (${load.notPushed.slice(0, 5).join(', ')})`);
const stillRefused = load.failedFirst.filter((f) => f.retry !== 202);
if (stillRefused.length > 0) problems.push(`${stillRefused.length} submissions were still refused after 2 minutes of retries (${describe(stillRefused.map((f) => ({ ...f, status: f.retry, error: null })))})`);
for (const kill of kills) {
  if (!kill.readyAt || kill.health !== 'healthy') problems.push(`${kill.service} did not come back (restarts ${kill.restarts}, health ${kill.health ?? 'none'})`);
}
for (const [service, health] of Object.entries(events.finalHealth)) {
  if (health !== 'healthy') problems.push(`${service} is ${health} at the end`);
}

const figures = {
  machine: { cpus: events.cpus, loadAverage: events.loadAverage },
  buildSeconds: events.buildSeconds,
  startupSeconds: events.startupSeconds,
  e2e: events.e2e,
  load: {
    rate: load.rate, seconds: load.seconds, sent: load.sent, acceptedAtOnce: load.acceptedFirst,
    failed: load.failedFirst.length, acceptedOnRetry: load.acceptedAfterRetry, retrySeconds: load.retrySeconds, accepted: load.accepted,
    cases: load.distinctCases, created: load.created, lost: load.notCreated.length, pushed: load.pushed,
    seenAfterResync: load.resyncedOnly, resyncs: load.resyncs,
    acceptMs: load.acceptMs, pushMs: load.pushMs, hubReconnects: load.hubReconnects, failuresOutsideKills: elsewhere.length,
  },
  kills: kills.map(({ service, restarts, health, restartedSeconds, readySeconds, healthySeconds, failures, failureKinds }) =>
    ({ service, restarts, health, restartedSeconds, readySeconds, healthySeconds, failures, failureKinds })),
  images: events.images,
  problems,
};
writeFileSync(outFile, JSON.stringify(figures, null, 2));

const l = figures.load;
console.log('');
console.log('Figures');
console.log(`  machine: ${events.cpus} CPUs, load average ${events.loadAverage} as the load began`);
console.log(`  build ${events.buildSeconds ?? '-'} s, start-up (up → balancer answers /healthz) ${events.startupSeconds} s`);
console.log(`  ${events.e2e}`);
console.log(`  load: ${l.sent} submissions at ${l.rate}/s for ${l.seconds} s: ${l.acceptedAtOnce} accepted at once, ${l.failed} failed (${l.acceptedOnRetry} accepted on retry, within ${l.retrySeconds} s)`);
console.log(`        ${l.cases} cases: ${l.created} created, ${l.lost} lost; on the board: ${l.pushed} pushed live, ${l.seenAfterResync} after a resync (${l.resyncs} resyncs)`);
console.log(`        202 latency p50 ${l.acceptMs.p50} ms, p95 ${l.acceptMs.p95} ms, p99 ${l.acceptMs.p99} ms, max ${l.acceptMs.max} ms; POST → first push p50 ${l.pushMs.p50} ms, p95 ${l.pushMs.p95} ms`);
for (const k of figures.kills) {
  console.log(`  crash ${k.service}: running again after ${k.restartedSeconds ?? '-'} s, ready ${k.readySeconds ?? '-'} s, docker healthy ${k.healthySeconds ?? '-'} s (restarts ${k.restarts}); failed submissions meanwhile: ${k.failures} (${k.failureKinds})`);
}
console.log(`  failed submissions outside the kills: ${elsewhere.length}${elsewhere.length ? ` (${describe(elsewhere)})` : ''}`);
for (const problem of problems) console.log(`  PROBLEM: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
