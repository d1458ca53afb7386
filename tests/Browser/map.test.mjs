// Browser test of the map of open cases: cases submitted through the API (one with the phone's
// point, one at a building, one at a compound only, one of an urgent category whose deadline is
// near) appear on the board's map over the compounds' outlines, coloured by status and lateness,
// with a legend; a marker opens its case's card; a case submitted while the map is open appears
// live; the map is remembered in the address. Screenshots in Chinese and English. "Overdue" (red)
// needs a deadline to pass, which takes 30 minutes of real time here: the Vitest suite
// (src/Dashboard/tests/map.test.ts) asserts it with a clock of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESK, REPO, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();
const SHOTS = join(REPO, 'docs', 'screenshots');
const COMPOUNDS = JSON.parse(readFileSync(join(REPO, 'seeds', 'places', 'ximen.geojson'), 'utf8'))
  .features.filter((f) => f.properties.kind === 'compound').length;

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });

/** Focus a case's marker and press Enter: its card shows beside the map. */
// The board fetches a case when its card opens; a reload while that fetch is in flight aborts it, and the harness
// counts an aborted request as an unclean page. So reloads (and the test's end) wait until the API calls are answered.
function apiCalls(page) {
  const open = new Set();
  let waiters = [];
  const settle = (request) => {
    open.delete(request);
    if (open.size === 0) { waiters.forEach((resolve) => resolve()); waiters = []; }
  };
  page.on('request', (request) => { if (new URL(request.url()).pathname.startsWith('/api/')) open.add(request); });
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  return { answered: () => (open.size === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))) };
}

async function openByKeyboard(page, caseId) {
  // The map draws its markers again on a timer (lateness turns without a push); a key pressed on a marker that
  // was just replaced reaches nothing, so the press goes to the marker as it is now, again if it was replaced.
  for (let attempt = 1; ; attempt++) {
    await page.locator(S.map.marker(caseId)).press('Enter');
    try {
      await page.locator(S.map.detailCard(caseId)).first().waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

const submit = (category, location, description) => suite.sys.api('POST', '/api/v1/cases', {
  communityId: 'ximen', kind: 'grievance', category, description,
  location, contact: { name: '居民', phone: '13905370000' },
});

test('the board\'s map draws the compounds and a marker per open case, coloured by status and lateness, opens a case and follows live', { timeout: 150_000 }, async () => {
  const atPoint = await submit('environment', { compound: 'ximen-xiaoqu', building: '61', point: { latitude: 35.7270, longitude: 116.4850 } }, '西门小区垃圾堆放');
  const atBuilding = await submit('heating', { compound: 'jishikou-east', building: '3' }, '集市口东区3号楼暖气不热');
  const atCompound = await submit('property', { compound: 'wenmiao-huayuan' }, '文庙花园物业不作为');
  const urgent = await submit('safety-hazard', { compound: 'xiguan-jiayuan', building: '2' }, '西关家园2号楼燃气味');
  const ids = [atPoint, atBuilding, atCompound, urgent].map((c) => c.caseId);

  const page = await suite.page(DESK);
  const calls = apiCalls(page);
  await page.goto(`${suite.sys.baseUrl}/board`);
  await signInThroughPage(page, 'ximen-dispatcher');
  await visible(page, S.board.section);
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
  for (const id of ids) await page.locator(`${S.board.card(id)}[data-deadline-state]`).waitFor({ state: 'attached' });
  // What the cards say of each case's lateness (the ticker's colour): the map must say the same.
  const cardLateness = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await page.locator(S.board.card(id)).getAttribute('data-deadline-state')])));

  // The switch, by keyboard.
  await page.locator(S.map.showMap).focus();
  await page.keyboard.press('Enter');
  await visible(page, S.map.section);
  assert.equal(await page.locator(S.map.showMap).getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /[?&]view=map\b/, 'the map is remembered in the address');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [S.map.outline, COMPOUNDS]);
  assert.ok((await page.locator(S.map.compoundName).allTextContents()).includes('西门小区'), 'the compounds are named');
  assert.equal(await page.locator(S.board.card(ids[0])).count(), 0, 'the list is not drawn under the map');

  for (const id of ids) await page.locator(S.map.marker(id)).waitFor({ state: 'attached' });
  assert.equal(await page.locator(S.map.anyMarker).count(), Number(await page.locator(S.board.counter('open')).textContent()),
    'one marker per open case');
  const look = (id) => page.locator(S.map.marker(id)).evaluate((el) => ({ ...el.dataset, label: el.getAttribute('aria-label'), role: el.getAttribute('role') }));
  const urgentLook = await look(ids[3]);
  assert.equal(urgentLook.deadlineState, 'amber', 'a case of an urgent category is due within the half hour');
  assert.match(urgentLook.label, new RegExp(`${ids[3]}.*安全隐患`), 'the marker names its case and category');
  assert.equal(urgentLook.role, 'button');
  for (const id of ids) {
    const { status, deadlineState } = await look(id);
    assert.ok(['accepted', 'assigned'].includes(status), `${id} is ${status}`);
    assert.equal(deadlineState, cardLateness[id], `${id}: the marker's lateness is the card's`);
  }
  // The case with its own point sits elsewhere than its building's marker would.
  const box = async (id) => page.locator(S.map.marker(id)).boundingBox();
  const [a, b, c] = await Promise.all(ids.slice(0, 3).map(box));
  assert.ok(a && b && c && new Set([a, b, c].map((x) => `${Math.round(x.x)},${Math.round(x.y)}`)).size === 3, 'three places, three spots');

  for (const key of ['accepted', 'assigned', 'acknowledged', 'resolved', 'escalated', 'amber', 'red']) {
    await page.locator(S.map.legendItem(key)).waitFor({ state: 'visible' });
  }

  // A marker opens its case's card, with its actions.
  await page.locator(S.map.marker(ids[1])).click();
  await visible(page, S.map.detailCard(ids[1]));
  assert.match(await page.locator(S.map.detailCard(ids[1])).textContent(), new RegExp(ids[1]));
  // By keyboard as well.
  await openByKeyboard(page, ids[2]);

  // Live: a case submitted while the map is open appears on it, with no reload.
  const late = await submit('water-power', { compound: 'chengxi-xincun', building: '12' }, '城西新村12号楼停水');
  await page.locator(S.map.marker(late.caseId)).waitFor({ state: 'attached' });

  // The address brings the map back; the list switch takes it away.
  await calls.answered();
  await page.reload();
  await visible(page, S.map.section);
  await page.locator(S.map.marker(late.caseId)).waitFor({ state: 'attached' });

  mkdirSync(SHOTS, { recursive: true });
  await openByKeyboard(page, ids[0]);
  await page.locator(S.map.section).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, 'board-map-zh.png'), animations: 'disabled', caret: 'hide' });
  await page.evaluate((key) => localStorage.setItem(key, 'en'), S.common.localeKey);
  await calls.answered();
  await page.reload();
  await visible(page, S.map.section);
  await page.locator(S.map.marker(ids[0])).waitFor({ state: 'attached' });
  await page.waitForFunction((sel) => [...document.querySelectorAll(sel)].some((e) => e.textContent === 'Ximen Compound'), S.map.compoundName);
  assert.equal(await page.locator(S.map.showMap).textContent(), 'Map');
  await openByKeyboard(page, ids[0]);
  await page.locator(S.map.section).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, 'board-map-en.png'), animations: 'disabled', caret: 'hide' });

  await page.locator(S.map.showList).click();
  await page.locator('#map-section[hidden]').waitFor({ state: 'attached' });
  await page.locator(S.board.card(ids[0])).waitFor({ state: 'attached' });
  assert.doesNotMatch(page.url(), /view=map/);
  await calls.answered();
});

test('the officials\' page maps its level\'s cases over the outline of their community, escalated ones as squares', { timeout: 120_000 }, async () => {
  const { caseId } = await submit('neighbour-dispute', { compound: 'huiqian-xinyuan', building: 'B' }, '回迁新苑B座邻里纠纷');
  const dispatcher = await suite.sys.signIn('ximen-dispatcher');
  // The intake creates the case a moment after the 202: escalate once it exists.
  for (let tries = 0; ; tries++) {
    try {
      await suite.sys.api('POST', `/api/v1/cases/${caseId}/escalate`, { reason: '调解未果，需要街道协调' }, dispatcher);
      break;
    } catch (err) {
      if (tries > 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const page = await suite.page(DESK);
  const calls = apiCalls(page);
  await page.goto(`${suite.sys.baseUrl}/signin`);
  await signInThroughPage(page, 'wenshang-subdistrict-official');
  await visible(page, S.official.card(caseId));
  await page.locator(S.map.showMap).click();
  await visible(page, S.map.section);
  assert.match(page.url(), /\/official\?view=map$/);
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [S.map.outline, COMPOUNDS]);
  const marker = page.locator(S.map.marker(caseId));
  await marker.waitFor({ state: 'attached' });
  assert.equal(await marker.getAttribute('data-level'), 'subdistrict');
  assert.equal(await page.locator(S.official.card(caseId)).count(), 0, 'the queue\'s list is not drawn under the map');
  await openByKeyboard(page, caseId);
  await calls.answered();
});
