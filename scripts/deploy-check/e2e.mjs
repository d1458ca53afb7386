// deploy-check's end-to-end step, all through the balancer: the cadre on duty for neighbour disputes
// (zhang-xiumei, seeds/communities/ximen.json) signs in and connects the hub over WebSockets; a resident
// submits a neighbour dispute; the case must be dispatched to her and pushed to her hub within the limit,
// and the resident's tracking link must show it assigned. Prints one line; exits non-zero on failure.
//   node scripts/deploy-check/e2e.mjs [BASE_URL]
import { call, connectHub, seconds, signIn, submission } from './common.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const CADRE = 'zhang-xiumei';
const LIMIT_MS = 30_000;

async function main() {
  const page = await call(base, 'GET', '/');
  if (page.status !== 200) throw new Error(`GET / through the balancer answered ${page.status || page.error}`);

  const token = await signIn(base, CADRE);
  // On duty at start in the seeds; a shift that ended since would have taken her off.
  const duty = await call(base, 'POST', `/api/v1/cadres/${CADRE}/duty`, { token, body: { onDuty: true } });
  if (duty.status !== 200) throw new Error(`${CADRE} could not go on duty: ${duty.status || duty.error} ${JSON.stringify(duty.body)}`);
  let heard;
  const pushed = new Promise((resolve) => { heard = resolve; });
  let caseId = null;
  const early = [];
  const hub = await connectHub(base, {
    token,
    onCaseUpdated: (update) => {
      if (update.status !== 'assigned' || update.assigneeId !== CADRE) return;
      if (caseId === null) early.push(update);
      else if (update.caseId === caseId) heard(update);
    },
  });

  const started = Date.now();
  const answer = await call(base, 'POST', '/api/v1/cases', { body: submission(0, 'neighbour-dispute') });
  if (answer.status !== 202) throw new Error(`the submission answered ${answer.status || answer.error} ${JSON.stringify(answer.body)}`);
  caseId = answer.body.caseId;
  const accepted = Date.now();
  early.filter((u) => u.caseId === caseId).forEach(heard);

  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${CADRE} heard no assignment of ${caseId} within ${LIMIT_MS / 1000} s`)), LIMIT_MS));
  await Promise.race([pushed, timeout]);
  const arrived = Date.now();

  const track = await call(base, 'GET', `/api/v1/track/${encodeURIComponent(answer.body.trackingToken)}`);
  await hub.stop();
  if (track.status !== 200 || track.body.status !== 'assigned') {
    throw new Error(`the tracking link shows ${track.status} ${track.body?.status} instead of assigned`);
  }
  console.log(`e2e ok: case ${caseId} accepted in ${seconds(accepted - started)} s, dispatched to ${CADRE} and pushed to her hub ${seconds(arrived - started)} s after the POST; tracking link shows "${track.body.status}" (${track.body.assignee})`);
}

main().then(() => process.exit(0), (error) => {
  console.error(`e2e FAILED: ${error.message}`);
  process.exit(1);
});
