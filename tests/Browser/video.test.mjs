// 视频信访 as a live call, in Chromium with a fake camera and microphone: the resident (from the
// tracking page's Join button) and the official who accepted the petition (signed in) meet on
// /video/{petitionId}, each sees the other's video, the official records the outcome from the call
// page, hanging up ends the call, and the case's timeline shows who joined and left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { browserSuite, DESK, PHONE, REPO, requestsSettled } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const SHOTS = join(REPO, 'docs', 'screenshots');
const OFFICIAL = 'ximen-dispatcher';
// Chromium leaves the loopback interface out of WebRTC's candidates; on a machine whose only network is loopback
// (a sandbox, a CI runner) the two pages would then have no address to meet on and never connect.
const suite = browserSuite({
  browserArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'],
});

/** A case of Ximen whose resident asked for a video meeting, which the community's dispatcher accepted. */
async function scheduledPetition() {
  const { sys } = suite;
  const submitted = await sys.api('POST', '/api/v1/cases', {
    communityId: 'ximen',
    kind: 'grievance',
    category: 'heating',
    description: '西关嘉园2号楼暖气不热，室温只有14度',
    location: { compound: 'xiguan-jiayuan', building: '2' },
    contact: { name: '李先生', phone: '13905372222' },
  });
  const token = submitted.trackingToken;
  for (let i = 0; i < 200; i++) {
    if ((await sys.api('GET', `/api/v1/track/${token}`)).status !== 'submitted') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const slot = new Date(Date.now() + 3_600_000).toISOString();
  const petition = await sys.api('POST', `/api/v1/cases/${submitted.caseId}/video-petitions`,
    { note: '暖气一直不热，想和社区当面说说', slots: [slot], trackingToken: token });
  const official = await sys.signIn(OFFICIAL);
  await sys.api('POST', `/api/v1/video-petitions/${petition.petitionId}/accept`, { slot }, official);
  return { caseId: submitted.caseId, token, petitionId: petition.petitionId, official };
}

/** The page's remote video carries a live video track. */
const remoteVideoLive = (page) => page.waitForFunction((selector) => {
  const stream = document.querySelector(selector)?.srcObject;
  const tracks = stream instanceof MediaStream ? stream.getVideoTracks() : [];
  return tracks.length > 0 && tracks[0].readyState === 'live';
}, S.video.remoteVideo);

/** The console's warnings and errors of each page, for the report of a call that does not connect. */
function keepConsole(page, lines) {
  page.on('console', (msg) => { if (msg.type() === 'warning' || msg.type() === 'error') lines.push(msg.text()); });
  return page;
}

/** What a page shows of its call: state, the peer connection's state, the hub's line and the page's message. */
const callView = (page) => page.evaluate(() => ({
  call: document.body.dataset.callState ?? null,
  link: document.body.dataset.linkState ?? null,
  signals: document.body.dataset.signals ?? null,
  hub: document.getElementById('connection-state')?.textContent ?? null,
  message: document.getElementById('page-message')?.textContent ?? null,
}));

/** Waits until every page's call is connected with the other's video live; a failure says what each page showed. */
async function untilConnected(pages) {
  try {
    for (const { page } of pages) {
      await page.locator(S.video.callState('connected')).waitFor({ state: 'attached' });
      await remoteVideoLive(page);
    }
  } catch (err) {
    const seen = await Promise.all(pages.map(async ({ name, page, console }) =>
      `${name}: ${JSON.stringify(await callView(page).catch((e) => String(e)))}; console: ${JSON.stringify(console.slice(-10))}`));
    throw new Error(`The call did not connect (${err.message.split('\n')[0]}).\n  ${seen.join('\n  ')}`, { cause: err });
  }
}

const callEvents = async (caseId, official) =>
  (await suite.sys.api('GET', `/api/v1/cases/${caseId}`, undefined, official)).timeline
    .filter((e) => e.type.startsWith('videoCall')).map((e) => e.type);

test('the resident and the official meet by video, the official records the outcome, and hanging up ends the call', { timeout: 180_000 }, async () => {
  const { caseId, token, petitionId, official } = await scheduledPetition();

  // The resident follows the Join button of the tracking page; the token rides in the fragment.
  const residentConsole = [];
  const resident = keepConsole(await suite.page(PHONE, { timeout: 30_000 }), residentConsole);
  await resident.goto(`${suite.sys.baseUrl}/track/${token}`);
  const joinButton = resident.locator(S.video.joinLink);
  await joinButton.waitFor();
  const href = await joinButton.getAttribute('href');
  assert.equal(href, `/video/${petitionId}#t=${encodeURIComponent(token)}`);
  // Leave the tracking page once it is live, not while its own requests are still on the way (the read it makes
  // when its hub connects included: CI once saw navigating away abort it).
  await resident.locator(S.common.connected).waitFor({ state: 'attached' });
  await resident.waitForFunction(() => performance.getEntriesByType('resource')
    .some((e) => e.name.endsWith('/api/v1/communities/ximen') && e.responseEnd > 0));
  await requestsSettled(resident);
  await resident.goto(suite.sys.baseUrl + href);
  await resident.locator(S.video.consentAccept).click();
  await resident.locator(S.video.callState('waiting')).waitFor({ state: 'attached' });
  assert.ok(!resident.url().includes('#t='), 'the token leaves the address bar once read');

  // The official signs in on the call page and comes back to it.
  const deskConsole = [];
  const desk = keepConsole(await suite.page(DESK, { timeout: 30_000 }), deskConsole);
  await desk.goto(`${suite.sys.baseUrl}/video/${petitionId}`);
  await signInThroughPage(desk, OFFICIAL);
  assert.equal(new URL(desk.url()).pathname, `/video/${petitionId}`);
  await desk.locator(S.video.consentAccept).click();

  await untilConnected([{ name: 'resident', page: resident, console: residentConsole }, { name: 'official', page: desk, console: deskConsole }]);
  await desk.locator(S.video.summary).waitFor();
  assert.match(await desk.locator(S.video.summary).textContent(), /暖气一直不热/);

  // Muting and turning the camera off stop sending without ending the call.
  await resident.locator(S.video.mic).click();
  assert.equal(await resident.locator(S.video.mic).getAttribute('aria-pressed'), 'true');
  await resident.locator(S.video.mic).click();

  mkdirSync(SHOTS, { recursive: true });
  await desk.evaluate(() => document.fonts.ready);
  await desk.screenshot({ path: join(SHOTS, 'video-zh.png'), animations: 'disabled', caret: 'hide' });
  await desk.locator(S.common.languageSwitch).first().click();
  await desk.waitForFunction(() => document.documentElement.lang === 'en');
  await desk.locator(S.video.callState('connected')).waitFor({ state: 'attached' });
  await desk.screenshot({ path: join(SHOTS, 'video-en.png'), animations: 'disabled', caret: 'hide' });

  await desk.locator(S.video.outcome).fill('答复立即处理，热力公司明天上门维修');
  await desk.locator(S.video.outcomeSubmit).click();
  await desk.locator(S.video.outcomeSaved).waitFor();

  // The resident hangs up: their call ends; the official's waits for them again.
  await resident.locator(S.video.hangUp).click();
  await resident.locator(S.video.callState('ended')).waitFor({ state: 'attached' });
  await desk.locator(S.video.callState('waiting')).waitFor({ state: 'attached' });
  await desk.locator(S.video.hangUp).click();
  await desk.locator(S.video.callState('ended')).waitFor({ state: 'attached' });

  let events = [];
  for (let i = 0; i < 100 && events.length < 4; i++) {
    events = await callEvents(caseId, official);
    if (events.length < 4) await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(events, ['videoCallJoined', 'videoCallJoined', 'videoCallLeft', 'videoCallLeft']);

  // The resident's tracking page shows the meeting held and who joined and left, by role.
  await resident.goto(`${suite.sys.baseUrl}/track/${token}`);
  await resident.locator('#timeline li[data-type="videoPetitionHeld"]').waitFor();
  assert.equal(await resident.locator('#timeline li[data-type="videoCallJoined"]').count(), 2);
  assert.equal(await resident.locator('#timeline li[data-type="videoCallLeft"]').count(), 2);
});

/**
 * Lets the page's hub traffic through except the `callSignal` pushes from the other party's first peer connection,
 * as if every signal of it were lost on the way. Answers the ids of the peer connections whose signals it dropped.
 */
async function loseFirstPeerSignals(page) {
  const lost = new Set();
  let first = null;
  await page.routeWebSocket(/\/hubs\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((frame) => {
      if (typeof frame !== 'string') return ws.send(frame);
      const kept = frame.split('\x1e').filter((message) => {
        if (!message.includes('"callSignal"')) return true;
        const from = JSON.parse(message).arguments?.[0]?.payload?.from;
        first ??= from;
        if (from !== first) return true;
        lost.add(from);
        return false;
      });
      if (kept.some((m) => m.length > 0)) ws.send(kept.join('\x1e'));
    });
  });
  return lost;
}

test('a call whose first peer connection cannot reach the other side starts afresh and connects', { timeout: 180_000 }, async () => {
  const { token, petitionId } = await scheduledPetition();

  const residentConsole = [];
  const resident = keepConsole(await suite.page(PHONE, { timeout: 45_000 }), residentConsole);
  const lost = await loseFirstPeerSignals(resident);
  await resident.goto(`${suite.sys.baseUrl}/video/${petitionId}#t=${encodeURIComponent(token)}`);
  await resident.locator(S.video.consentAccept).click();
  await resident.locator(S.video.callState('waiting')).waitFor({ state: 'attached' });

  const deskConsole = [];
  const desk = keepConsole(await suite.page(DESK, { timeout: 45_000 }), deskConsole);
  await desk.goto(`${suite.sys.baseUrl}/video/${petitionId}`);
  await signInThroughPage(desk, OFFICIAL);
  await desk.locator(S.video.consentAccept).click();

  // Nothing of the official's first peer connection reaches the resident; after the wait, the official's side starts a
  // new one, which does.
  await untilConnected([{ name: 'resident', page: resident, console: residentConsole }, { name: 'official', page: desk, console: deskConsole }]);
  assert.equal(lost.size, 1, 'the signals of one peer connection of the official were lost');
  assert.ok(deskConsole.some((line) => line.includes('starting the peer connection afresh')), deskConsole.join('\n'));

  await resident.locator(S.video.hangUp).click();
  await desk.locator(S.video.callState('waiting')).waitFor({ state: 'attached' });
  await desk.locator(S.video.hangUp).click();
  await desk.locator(S.video.callState('ended')).waitFor({ state: 'attached' });
});
