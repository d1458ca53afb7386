// Browser test of the ladder's pages: a case climbs from the community's board to the sub-district's
// official, a county department and the county leader, each on their own /official page, and comes
// back down with instructions; every page sees it arrive and leave live. Each official signs in
// through the real form with a seeded account (seeds/staff.json). Screenshots of /official go to
// docs/screenshots/ in Chinese and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESK, REPO, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();
const SHOTS = join(REPO, 'docs', 'screenshots');
const SUBDISTRICT = 'wenshang-subdistrict';
// 邻里纠纷 goes from the sub-district to the petitions bureau (信访局), then to the county leader.
const DEPARTMENT = 'petitions';
const COUNTY = 'wenshang';

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });
const gone = (page, selector) => page.locator(selector).first().waitFor({ state: 'detached' });
const connected = (page) => page.locator(S.common.connected).waitFor({ state: 'attached' });
const pathOf = (page) => new URL(page.url()).pathname;

/** A staff page signed in through the form: the board at /board, an official from /signin (the sign-in sends them on). */
async function signedIn(path, username) {
  const page = await suite.page(DESK);
  await page.goto(suite.sys.baseUrl + path);
  await signInThroughPage(page, username);
  return page;
}

async function officialPage(username, level, ownerId) {
  const page = await signedIn('/signin', username);
  assert.equal(pathOf(page), '/official', `${username} lands on the officials' page`);
  await page.locator(S.official.level(level, ownerId)).waitFor({ state: 'attached' });
  await visible(page, S.official.section);
  await connected(page);
  return page;
}

/** Fills and sends a case's action form on a page (the board's or an official's cards). */
async function act(page, caseId, action, field, text) {
  const form = page.locator(S.board.form(caseId, action));
  if (!(await form.isVisible())) await page.locator(`[data-case-id="${caseId}"][data-status] details[data-details="actions"] > summary`).first().click();
  if (field) await page.locator(S.board.formField(caseId, action, field)).fill(text);
  await page.locator(S.board.formSubmit(caseId, action)).click();
}

async function shoot(page, name) {
  await page.evaluate(() => { window.scrollTo(0, 0); return document.fonts.ready; });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('a case climbs from the community to the county leader and comes back down, each level\'s page seeing it live', { timeout: 240_000 }, async () => {
  const { sys } = suite;
  const board = await signedIn('/board', 'ximen-dispatcher');
  await visible(board, S.board.section);
  await connected(board);
  const subdistrict = await officialPage('wenshang-subdistrict-official', 'subdistrict', SUBDISTRICT);
  const department = await officialPage('petitions-liaison', 'department', DEPARTMENT);
  const leader = await officialPage('zhang-vice-county-head', 'leader', COUNTY);
  assert.equal(await subdistrict.locator(S.official.meetingsLink).count(), 1, 'the officials\' page links their meetings');

  const { caseId, trackingToken } = await sys.api('POST', '/api/v1/cases', {
    communityId: 'ximen', kind: 'grievance', category: 'neighbour-dispute',
    description: '西关嘉园3号楼楼上装修噪音扰民，多次协商未果', location: { compound: 'xiguan-jiayuan', building: '3' },
    contact: { name: '赵女士', phone: '13905373333' },
  });
  await visible(board, S.board.card(caseId));

  // The community's dispatcher escalates it from the board: it arrives on the sub-district's page by itself.
  await act(board, caseId, 'escalate', 'reason', '邻里纠纷调解未果，需要街道协调');
  await visible(subdistrict, S.official.card(caseId));
  await board.locator(`${S.board.card(caseId)}[data-level="subdistrict"]`).waitFor({ state: 'attached' });

  // The sub-district's official takes it (接办): the card says who; the resident asks for a video meeting with this level.
  await act(subdistrict, caseId, 'take');
  await visible(subdistrict, S.official.takenBy(caseId));
  const slot = new Date(Date.now() + 2 * 86_400_000);
  slot.setUTCMinutes(0, 0, 0);
  const petition = await sys.api('POST', `/api/v1/cases/${caseId}/video-petitions`, { trackingToken, note: '希望当面说明情况', slots: [slot.toISOString()] });
  await visible(subdistrict, S.official.petitionStatus(petition.petitionId, 'requested'));
  await subdistrict.locator(S.official.petitionAccept(petition.petitionId)).click();
  await visible(subdistrict, S.official.petitionStatus(petition.petitionId, 'scheduled'));
  assert.equal(await subdistrict.locator(S.official.petitionJoin(petition.petitionId)).getAttribute('href'), `/video/${petition.petitionId}`);
  // Its KPIs follow: the case counts at the sub-district.
  await subdistrict.locator(S.official.kpiCount('level', 'subdistrict', 1)).waitFor({ state: 'attached' });
  await subdistrict.setViewportSize({ width: 1400, height: 1300 });

  mkdirSync(SHOTS, { recursive: true });
  await shoot(subdistrict, 'official-zh');
  await subdistrict.locator(S.common.languageSwitch).first().click();
  await subdistrict.waitForFunction(() => document.documentElement.lang === 'en');
  await visible(subdistrict, S.official.takenBy(caseId));
  await shoot(subdistrict, 'official-en');

  // Up to the department, then to the leader: each page sees it leave and the next sees it arrive.
  await act(subdistrict, caseId, 'escalate', 'reason', '需要信访局协调双方');
  await gone(subdistrict, S.official.card(caseId));
  await visible(department, S.official.card(caseId));
  await act(department, caseId, 'take');
  await visible(department, S.official.takenBy(caseId));
  await act(department, caseId, 'escalate', 'reason', '涉及多部门，请县领导协调');
  await gone(department, S.official.card(caseId));
  await visible(leader, S.official.card(caseId));

  // Back down with instructions, one level at a time, to the community.
  await act(leader, caseId, 'return', 'instructions', '请信访局牵头，住建局配合处理');
  await gone(leader, S.official.card(caseId));
  await visible(department, S.official.card(caseId));
  assert.equal(await department.locator(S.official.takenBy(caseId)).count(), 0, 'a case handed back is free to be taken again');
  await act(department, caseId, 'return', 'instructions', '请街道组织调解，信访局派员参加');
  await gone(department, S.official.card(caseId));
  await visible(subdistrict, S.official.card(caseId));
  await act(subdistrict, caseId, 'return', 'instructions', '请社区网格员每日回访，做好记录');
  await gone(subdistrict, S.official.card(caseId));
  await board.locator(`${S.board.card(caseId)}[data-level="community"]`).waitFor({ state: 'attached' });
});
