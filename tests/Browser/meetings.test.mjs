// Browser test of 7+X meetings (民主协商议事会) as people use them: a dispatcher convenes a meeting on
// two open cases from /meetings and invites a department's liaison; the liaison, who was not signed in
// when it was convened, finds the invitation in their inbox; the dispatcher records the minutes and the
// linked cases settle live on the meeting's page (the dispatcher's and the liaison's) and on the board.
// Then screenshots of /meetings in Chinese and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESK, REPO, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();
const SHOTS = join(REPO, 'docs', 'screenshots');
const flow = {};

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });

/** An owners-committee grievance of Ximen, taken in (past `submitted`), as the dispatcher reads it. */
async function openCase(building, description) {
  const { sys } = suite;
  const { caseId } = await sys.api('POST', '/api/v1/cases', {
    communityId: 'ximen', kind: 'grievance', category: 'owners-committee', description,
    location: { compound: 'jishikou-east', building }, contact: { name: '赵女士', phone: '13905373333' },
  });
  const token = await sys.signIn('ximen-dispatcher');
  for (let i = 0; i < 100; i += 1) {
    const found = await sys.api('GET', `/api/v1/cases/${caseId}`, undefined, token).catch(() => null);
    if (found && found.status !== 'submitted') return caseId;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`case ${caseId} was not taken in`);
}

/** A `datetime-local` value `days` ahead, at 14:30 local time. */
function daysAhead(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T14:30`;
}

async function signedIn(path, username) {
  const page = await suite.page(DESK);
  await page.goto(suite.sys.baseUrl + path);
  await signInThroughPage(page, username);
  await visible(page, S.meetings.section);
  return page;
}

test('a dispatcher convenes a meeting on two cases; the invited liaison, offline then, finds it; the minutes settle the cases live', { timeout: 150_000 }, async () => {
  const first = await openCase('3', '吉市口佳苑东区业委会迟迟不能换届');
  const second = await openCase('5', '吉市口佳苑东区物业费去向不明，希望公开账目');

  // The dispatcher opens /meetings with the two cases prefilled (as the board's early warning links here) and convenes.
  const dispatcher = await signedIn(`/meetings?convene=1&cases=${first},${second}`, 'ximen-dispatcher');
  await visible(dispatcher, `${S.meetings.convene}[open]`);
  for (const caseId of [first, second]) {
    await dispatcher.locator(S.meetings.conveneCase(caseId)).waitFor({ state: 'visible' });
    assert.equal(await dispatcher.locator(S.meetings.conveneCase(caseId)).isChecked(), true, `${caseId} is ticked from the link`);
  }
  await dispatcher.locator(S.meetings.conveneTopic).fill('吉市口佳苑东区业委会换届与物业账目公开');
  await dispatcher.locator(S.meetings.conveneTime).fill(daysAhead(2));
  await dispatcher.locator(S.meetings.convenePlace).fill('西门社区服务大厅二楼');
  await dispatcher.locator(S.meetings.partyField(0, 'name')).fill('县住建局物业科');
  await dispatcher.locator(S.meetings.partyField(0, 'role')).fill('department');
  await dispatcher.locator(S.meetings.partyField(0, 'account')).fill('housing-liaison');
  await dispatcher.locator(S.meetings.conveneSubmit).click();
  await visible(dispatcher, S.meetings.convened);
  const id = await dispatcher.locator(S.meetings.convened).getAttribute('data-consultation-id');
  assert.ok(id, 'the page names the convened meeting');
  await visible(dispatcher, S.meetings.upcoming(id));
  flow.id = id;

  // The liaison signs in only now: the invitation waited in their inbox, unread.
  const liaison = await signedIn('/meetings', 'housing-liaison');
  await visible(liaison, `${S.meetings.invitation(id)}[data-read="false"]`);
  assert.ok(Number(await liaison.locator(S.meetings.unread).getAttribute('data-unread')) >= 1, 'the unread count shows it');
  await liaison.locator(S.meetings.acknowledge(id)).click();
  await visible(liaison, `${S.meetings.invitation(id)} .meeting-ack`);
  await liaison.locator(S.meetings.invitationLink(id)).click();
  await visible(liaison, S.meetings.meeting('convened'));
  await liaison.locator(S.common.connected).waitFor({ state: 'attached' });

  // The board, live, shows both cases open.
  const board = await suite.page(DESK);
  await board.goto(`${suite.sys.baseUrl}/board`);
  await signInThroughPage(board, 'ximen-dispatcher');
  await visible(board, S.board.card(first));
  await board.locator(S.common.connected).waitFor({ state: 'attached' });
  assert.equal(await board.locator(S.meetings.boardLink).getAttribute('href'), '/meetings');

  // The dispatcher opens the meeting and records the minutes.
  await dispatcher.goto(`${suite.sys.baseUrl}/meetings/${id}`);
  await visible(dispatcher, S.meetings.meeting('convened'));
  await dispatcher.locator(S.common.connected).waitFor({ state: 'attached' });
  for (const caseId of [first, second]) await dispatcher.locator(S.meetings.linkedCase(caseId, 'resolved')).count().then((n) => assert.equal(n, 0));
  await dispatcher.locator(S.meetings.minutesText).fill('各方充分协商：街道派员指导换届选举，物业公司按季度公开账目。');
  await dispatcher.locator(S.meetings.minutesResolution).fill('12月底前完成东区业委会换届；物业费用账目每季度在小区公示。');
  await dispatcher.locator(S.meetings.minutesSubmit).click();
  await visible(dispatcher, S.meetings.meeting('concluded'));

  // Both cases settle live: on the dispatcher's meeting page, on the liaison's (who did nothing), and on the board.
  for (const caseId of [first, second]) {
    await visible(dispatcher, S.meetings.linkedCase(caseId, 'resolved'));
    await visible(liaison, S.meetings.linkedCase(caseId, 'resolved'));
    await visible(board, S.board.cardInColumn('resolved', caseId));
  }
});

async function shoot(page, name) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('screenshots of /meetings in Chinese and English', { timeout: 90_000 }, async () => {
  assert.ok(flow.id, 'needs the first test’s meeting');
  mkdirSync(SHOTS, { recursive: true });
  const upcoming = await openCase('6', '吉市口佳苑东区6号楼电梯加装意见不一');
  const token = await suite.sys.signIn('ximen-dispatcher');
  const next = await suite.sys.api('POST', '/api/v1/consultations', {
    communityId: 'ximen', caseIds: [upcoming], topic: '6号楼加装电梯协商', time: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    place: '吉市口佳苑东区议事亭', invited: [{ name: '电梯公司', role: 'company' }, { name: '6号楼住户代表', role: 'resident' }],
  }, token);

  const page = await signedIn('/meetings', 'ximen-dispatcher');
  const ready = async () => {
    await visible(page, S.meetings.upcoming(next.consultationId));
    await visible(page, S.meetings.past(flow.id));
    await visible(page, S.meetings.invitation(next.consultationId));
    await page.locator(S.common.connected).waitFor({ state: 'attached' });
  };
  await ready();
  await shoot(page, 'meetings-zh');
  await page.locator(S.common.languageSwitch).first().click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await ready();
  await shoot(page, 'meetings-en');
});
