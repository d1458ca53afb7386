// deploy-check's end-to-end step, all through the balancer: the cadre on duty for neighbour disputes
// (zhang-xiumei, seeds/communities/ximen.json) signs in and connects the hub over WebSockets, once without
// negotiation and NEGOTIATED more times with it, as a browser does: each of those is a negotiate request and
// then a WebSocket upgrade, two requests the balancer must send to the same gateway (its affinity cookie,
// carried from the negotiate response into the upgrade by the SignalR client's cookie jar; a connect reaching
// the other gateway is refused, since that gateway never issued the connection token). A resident submits a
// neighbour dispute; the case must be dispatched to her and pushed to every one of her hubs within the
// limit, and the resident's tracking link must show it assigned. Prints one line; exits non-zero on failure.
//   node scripts/deploy-check/e2e.mjs [BASE_URL]
import { AFFINITY_COOKIE, WatchedHttpClient, call, connectHub, seconds, signIn, submission } from './common.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const CADRE = 'zhang-xiumei';
const LIMIT_MS = 30_000;
// Several, each with a cookie jar of its own, so that the balancer likely picks each gateway for some.
const NEGOTIATED = 4;

async function main() {
  const page = await call(base, 'GET', '/');
  if (page.status !== 200) throw new Error(`GET / through the balancer answered ${page.status || page.error}`);

  const token = await signIn(base, CADRE);
  // On duty at start in the seeds; a shift that ended since would have taken her off.
  const duty = await call(base, 'POST', `/api/v1/cadres/${CADRE}/duty`, { token, body: { onDuty: true } });
  if (duty.status !== 200) throw new Error(`${CADRE} could not go on duty: ${duty.status || duty.error} ${JSON.stringify(duty.body)}`);
  let caseId = null;
  // One listener per hub: resolves when that hub hears the case assigned to the cadre.
  const listener = () => {
    let heard;
    const pushed = new Promise((resolve) => { heard = resolve; });
    const early = [];
    return {
      pushed,
      onCaseUpdated: (update) => {
        if (update.status !== 'assigned' || update.assigneeId !== CADRE) return;
        if (caseId === null) early.push(update);
        else if (update.caseId === caseId) heard(update);
      },
      accepted: () => early.filter((u) => u.caseId === caseId).forEach(heard),
    };
  };
  const direct = listener();
  const hub = await connectHub(base, { token, onCaseUpdated: direct.onCaseUpdated });

  // Negotiated, as a browser connects: negotiate and upgrade must reach one gateway through the balancer.
  const negotiated = [];
  for (let i = 0; i < NEGOTIATED; i++) {
    const httpClient = new WatchedHttpClient();
    const heard = listener();
    let connection;
    try {
      connection = await connectHub(base, { token, onCaseUpdated: heard.onCaseUpdated, negotiate: true, httpClient });
    } catch (error) {
      throw new Error(`negotiated hub connection ${i + 1} through the balancer failed (negotiate and connect on different gateways?): ${error.message}`);
    }
    const affinity = httpClient.affinityAtConnect();
    if (!connection.connectionId) throw new Error(`negotiated hub connection ${i + 1} has no connection id: it did not negotiate`);
    if (!affinity) throw new Error(`negotiated hub connection ${i + 1}: its WebSocket connect carried no ${AFFINITY_COOKIE} cookie (sent: "${httpClient.cookiesSentTo.at(-1)?.cookies ?? ''}")`);
    negotiated.push({ connection, heard, affinity });
  }
  const gateways = new Set(negotiated.map((n) => n.affinity)).size;

  const started = Date.now();
  const answer = await call(base, 'POST', '/api/v1/cases', { body: submission(0, 'neighbour-dispute') });
  if (answer.status !== 202) throw new Error(`the submission answered ${answer.status || answer.error} ${JSON.stringify(answer.body)}`);
  caseId = answer.body.caseId;
  const accepted = Date.now();
  [direct, ...negotiated.map((n) => n.heard)].forEach((l) => l.accepted());

  const within = (promise, what) => Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${CADRE} heard no assignment of ${caseId} on ${what} within ${LIMIT_MS / 1000} s`)), LIMIT_MS))]);
  await within(direct.pushed, 'her hub connected without negotiation');
  const arrived = Date.now();
  await Promise.all(negotiated.map((n, i) => within(n.heard.pushed, `negotiated hub connection ${i + 1}`)));
  const arrivedNegotiated = Date.now();

  const track = await call(base, 'GET', `/api/v1/track/${encodeURIComponent(answer.body.trackingToken)}`);
  await Promise.all([hub, ...negotiated.map((n) => n.connection)].map((c) => c.stop()));
  if (track.status !== 200 || track.body.status !== 'assigned') {
    throw new Error(`the tracking link shows ${track.status} ${track.body?.status} instead of assigned`);
  }
  console.log(`e2e ok: case ${caseId} accepted in ${seconds(accepted - started)} s, dispatched to ${CADRE} and pushed to her hub ${seconds(arrived - started)} s after the POST ` +
    `(to all ${NEGOTIATED} negotiated connections, sticky through the balancer's cookie to ${gateways} gateway${gateways === 1 ? '' : 's'}, within ${seconds(arrivedNegotiated - started)} s); ` +
    `tracking link shows "${track.body.status}" (${track.body.assignee})`);
}

main().then(() => process.exit(0), (error) => {
  console.error(`e2e FAILED: ${error.message}`);
  process.exit(1);
});
