// Browser tests: the real system (Azurite, silo, gateway) driven through its pages in Chromium.
// One system for the whole file; the tests run in order and build on each other's data.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DESK, PHONE, REPO, assertPagesClean, expectNetworkLoss, expectRefusal, launchBrowser, startSystem,
} from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const COMMUNITY = 'ximen';
// 供暖 is 马上办 (do it now). Among the cadres on duty at start, 王立群 and 李建国 take it; the
// tests take 李建国 off duty so every heating case goes to 王立群.
const CATEGORY = 'heating';
const CADRE = 'wang-liqun';
const OTHER_CADRE = 'li-jianguo';
const SHOTS = join(REPO, 'docs', 'screenshots');

let sys;
let browser;
let dispatcher;
const contexts = [];
/** What the flow leaves for the screenshots. */
const flow = {};

before(async () => {
  [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
  dispatcher = await sys.signIn('ximen-dispatcher');
  await setDuty(OTHER_CADRE, false);
}, { timeout: 150_000 });

// No page may log an error, throw, or fail a request the test did not provoke.
afterEach(assertPagesClean);

after(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await sys?.stop();
}, { timeout: 60_000 });

// ── helpers ────────────────────────────────────────────────────────────────────────────────────

function setDuty(cadreId, onDuty) {
  return sys.api('POST', `/api/v1/cadres/${cadreId}/duty`, { onDuty }, dispatcher);
}

/** Submits a case through the API (what another resident does meanwhile). */
function submitCase(overrides = {}) {
  return sys.api('POST', '/api/v1/cases', {
    communityId: COMMUNITY,
    kind: 'grievance',
    category: CATEGORY,
    description: '西关嘉园2号楼暖气不热，室温只有14度',
    location: { compound: 'xiguan-jiayuan', building: '2' },
    contact: { name: '李先生', phone: '13905372222' },
    ...overrides,
  });
}

/**
 * A new browser context (its own storage: a separate person) with one page open at `path`. The
 * hub's WebSockets pass through us (`cuttableHub`), so a test can cut them as a lost network would
 * (Chromium's offline mode stops new requests but leaves open sockets alone); Playwright hands
 * their messages to the page as a user gesture would, so a test of what happens before a tap
 * leaves them alone.
 */
async function open(device, path, { cuttableHub = true } = {}) {
  const context = await browser.newContext({ ...device, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  context.hubSockets = new Set();
  if (cuttableHub) {
    await context.routeWebSocket(/\/hubs\//, (ws) => {
      ws.connectToServer();
      context.hubSockets.add(ws);
    });
  }
  const page = await context.newPage();
  await page.goto(sys.baseUrl + path);
  return { context, page };
}

/** The case once the silo has taken it in and assigned it (submission answers 202 first). */
async function assignedCase(caseId, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${sys.baseUrl}/api/v1/cases/${encodeURIComponent(caseId)}`, { headers: { Authorization: `Bearer ${dispatcher}` } });
    if (res.ok) {
      const view = await res.json();
      if (view.assigneeId) return view;
    } else if (res.status !== 404) {
      throw new Error(`GET case ${caseId} → ${res.status}: ${await res.text()}`);
    }
    if (Date.now() > until) throw new Error(`case ${caseId} was not assigned within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A staff page opened by `username`, signed in through its form (seeded accounts share the demo password). */
async function openAs(device, path, username, options) {
  const opened = await open(device, path, options);
  await signInThroughPage(opened.page, username);
  return opened;
}

/** Marks the window; `assertNoReload` later proves the page changed without a reload. */
const markWindow = (page) => page.evaluate(() => { window.__gongzhiSameWindow = true; });
async function assertNoReload(page, what) {
  assert.equal(await page.evaluate(() => window.__gongzhiSameWindow === true), true, `${what} reloaded instead of updating live`);
}

const visible = (page, selector, timeout) => page.locator(selector).first().waitFor({ state: 'visible', timeout });
const gone = (page, selector, timeout) => page.locator(selector).first().waitFor({ state: 'detached', timeout });
const connected = (page, timeout) => page.locator(S.common.connected).waitFor({ state: 'attached', timeout });

async function number(page, selector) {
  const text = (await page.locator(selector).first().textContent()) ?? '';
  const n = Number.parseInt(text.replace(/[^\d-]/g, ''), 10);
  assert.ok(Number.isFinite(n), `${selector} shows no number: "${text}"`);
  return n;
}

function numberBecomes(page, selector, expected) {
  return page.waitForFunction(([sel, want]) => {
    const text = document.querySelector(sel)?.textContent ?? '';
    return Number.parseInt(text.replace(/[^\d-]/g, ''), 10) === want;
  }, [selector, expected]);
}

/** The optional KPI tiles' text (empty when the board has none yet). */
const kpiText = (page) => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim()).join(' | '), S.board.kpi);

// ── 1. the whole story, as people see it ──────────────────────────────────────────────────────

test('a resident submits, the cadre handles it live, the resident rates, the board follows', { timeout: 120_000 }, async (t) => {
  // The dispatcher's board, open before anything happens.
  const board = (await openAs(DESK, '/board', 'ximen-dispatcher')).page;
  await visible(board, S.board.section);
  await connected(board);
  const openBefore = await number(board, S.board.counter('open'));
  const resolvedBefore = await number(board, S.board.counter('resolved-today'));
  const kpiBefore = await kpiText(board);
  await markWindow(board);

  // The cadre's phone, open and live.
  const cadre = (await openAs(PHONE, '/cadre', CADRE)).page;
  await visible(cadre, S.cadre.section);
  await connected(cadre);
  await markWindow(cadre);

  // The resident fills the form.
  const submit = (await open(PHONE, '/submit')).page;
  await visible(submit, S.submit.form);
  await submit.locator(S.submit.kind('grievance')).check();
  await submit.locator(S.submit.category).selectOption(CATEGORY);
  await submit.locator(S.submit.compound).selectOption('xiguan-jiayuan');
  await submit.locator(S.submit.building).selectOption('3');
  await submit.locator(S.submit.unit).fill('2单元301');
  await submit.locator(S.submit.description).fill('3号楼2单元暖气片一直是凉的，家里有老人，室温不到15度');
  await submit.locator(S.submit.contactName).fill('王女士');
  await submit.locator(S.submit.contactPhone).fill('13905371234');
  await submit.locator(S.submit.submitButton).click();

  await visible(submit, S.submit.confirmation);
  const caseId = (await submit.locator(S.submit.confirmationCaseId).textContent()).trim();
  const trackHref = await submit.locator(S.submit.trackLink).getAttribute('href');
  const trackText = (await submit.locator(S.submit.trackLink).textContent()).trim();
  assert.ok(caseId, 'the confirmation shows a case id');
  assert.match(trackHref, /\/track\/[^/]+/, 'the confirmation links to the tracking page');
  assert.ok(trackText.startsWith(sys.baseUrl), `the tracking link is shown in full: ${trackText}`);
  flow.caseId = caseId;
  flow.trackPath = new URL(trackHref, sys.baseUrl).pathname;

  // The cadre's page shows the assignment by itself.
  const item = S.cadre.caseItem(caseId);
  await visible(cadre, item);
  assert.equal(await cadre.locator(item).getAttribute('data-status'), 'assigned');
  // The "new assignment" toast covers nothing the cadre must tap on a 390 × 844 phone: not the
  // acknowledge button, and, lying within the sticky header bar, nothing that scrolls under it.
  const boxes = await cadre.evaluate(([toastSel, buttonSel, headerSel]) => {
    const toast = document.querySelector(toastSel);
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
    return {
      shown: !!toast && !toast.hidden, toast: toast ? box(toast) : null,
      button: box(document.querySelector(buttonSel)), header: box(document.querySelector(headerSel)),
    };
  }, [S.cadre.toast, S.cadre.acknowledge(caseId), S.common.header]);
  assert.ok(boxes.shown, 'the new assignment is announced in a toast');
  const overlap = boxes.toast.left < boxes.button.right && boxes.button.left < boxes.toast.right
    && boxes.toast.top < boxes.button.bottom && boxes.button.top < boxes.toast.bottom;
  assert.ok(!overlap, `the toast ${JSON.stringify(boxes.toast)} covers the acknowledge button ${JSON.stringify(boxes.button)}`);
  assert.ok(boxes.toast.top >= boxes.header.top && boxes.toast.bottom <= boxes.header.bottom,
    `the toast ${JSON.stringify(boxes.toast)} reaches out of the header bar ${JSON.stringify(boxes.header)}`);
  await assertNoReload(cadre, 'the cadre page');

  // The board shows it appear, and the open counter goes up.
  await visible(board, S.board.card(caseId));
  await numberBecomes(board, S.board.counter('open'), openBefore + 1);

  // The cadre acknowledges.
  await cadre.locator(S.cadre.acknowledge(caseId)).click();
  await visible(cadre, `${item}[data-status="acknowledged"]`);
  await visible(board, S.board.cardInColumn('acknowledged', caseId));

  // The resident follows the tracking link (another browser: the phone the link was sent to).
  const track = (await open(PHONE, flow.trackPath)).page;
  await visible(track, S.track.summary);
  await connected(track);
  assert.equal(await track.locator(S.track.status).getAttribute('data-status'), 'acknowledged');
  await markWindow(track);

  // The cadre resolves with a note.
  await cadre.locator(S.cadre.resolveNote(caseId)).fill('已联系供热站，更换阀门并排气，复测室温20度');
  await cadre.locator(S.cadre.resolveSubmit(caseId)).click();
  // Done: it shows as resolved, or has left the queue of work to do.
  await cadre.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !el || el.dataset.status === 'resolved';
  }, item);

  // The tracking page shows it live and asks for a rating.
  await visible(track, `${S.track.status}[data-status="resolved"]`);
  await visible(track, S.track.ratingSection);
  await assertNoReload(track, 'the tracking page');

  // The board moved the card and counted it as resolved today.
  await visible(board, S.board.cardInColumn('resolved', caseId));
  await numberBecomes(board, S.board.counter('resolved-today'), resolvedBefore + 1);

  // The resident rates; the case closes.
  await track.locator(S.track.rating('satisfied')).check();
  await track.locator(S.track.ratingComment).fill('师傅来得很快，谢谢！');
  await track.locator(S.track.ratingSubmit).click();
  await visible(track, S.track.closed);
  await visible(track, `${S.track.status}[data-status="closed"]`);

  // A closed case leaves the board and the cadre's queue.
  await gone(board, S.board.card(caseId));
  await numberBecomes(board, S.board.counter('open'), openBefore);
  await gone(cadre, item);
  await assertNoReload(board, 'the board');
  await assertNoReload(cadre, 'the cadre page');

  // The KPI tiles move live (the rating makes today's satisfaction and resolution figures), and the
  // charts are drawn: the per-hour chart has counted the submission.
  await board.waitForFunction(([sel, was]) => [...document.querySelectorAll(sel)].map((e) => e.textContent.trim()).join(' | ') !== was,
    [S.board.kpi, kpiBefore], { timeout: 20_000 });
  await visible(board, S.board.kpiChart);
  const perHour = Number(await board.locator(S.board.perHourChart).getAttribute('data-total'));
  assert.ok(perHour >= 1, `the per-hour chart counted ${perHour} cases`);
  t.diagnostic(`KPI: "${kpiBefore}" → "${await kpiText(board)}"; per-hour total: ${perHour}`);
});

// ── 2. a phone that loses its connection catches up by itself ─────────────────────────────────

test('the cadre page reconnects by itself and shows what changed while it was offline', { timeout: 120_000 }, async (t) => {
  const taken = await submitCase({ description: '西关嘉园2号楼暖气漏水，楼道有积水' });
  const { context, page } = await openAs(PHONE, '/cadre', CADRE);
  await visible(page, S.cadre.section);
  await connected(page);
  await visible(page, S.cadre.caseItem(taken.caseId));
  await markWindow(page);

  // Reading a case that left this cadre is how the page tells why it left; the test hands one away.
  expectRefusal(page, 403, /\/api\/v1\/cases\/[^/]+$/);
  const dropped = Date.now();
  const networkBack = expectNetworkLoss(page);
  await context.setOffline(true);
  for (const ws of context.hubSockets) await ws.close({ code: 4000, reason: 'network lost' }).catch(() => {});
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.state !== 'connected', S.common.connection, { timeout: 60_000 });
  t.diagnostic(`connection dropped noticed after ${Date.now() - dropped} ms`);

  // Meanwhile: a new case comes in for this cadre, and the dispatcher hands the other to a colleague.
  const fresh = await submitCase({ description: '城西新村暖气管道异响，夜里睡不着', location: { compound: 'chengxi-xincun' } });
  const assigned = await assignedCase(fresh.caseId);
  assert.equal(assigned.assigneeId, CADRE, 'the new case went to the only heating cadre on duty');
  await setDuty(OTHER_CADRE, true);
  await sys.api('POST', `/api/v1/cases/${encodeURIComponent(taken.caseId)}/assign`, { cadreId: OTHER_CADRE }, dispatcher);
  // Still offline: the page cannot know yet.
  assert.equal(await page.locator(S.cadre.caseItem(fresh.caseId)).count(), 0);

  const back = Date.now();
  await context.setOffline(false);
  await connected(page, 60_000);
  await visible(page, S.cadre.caseItem(fresh.caseId), 30_000);
  await gone(page, S.cadre.caseItem(taken.caseId), 30_000);
  t.diagnostic(`back online and up to date after ${Date.now() - back} ms`);
  networkBack();
  await assertNoReload(page, 'the cadre page');
  flow.cadreCase = fresh.caseId;
});

// ── 3. screenshots with real data, in Chinese and in English ──────────────────────────────────

async function switchToEnglish(page, ready) {
  const button = page.locator(S.common.languageSwitch);
  if (await button.count() > 0) {
    await button.first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  } else {
    await page.evaluate((key) => localStorage.setItem(key, 'en'), S.common.localeKey);
    await page.reload();
  }
  await ready(page);
}

async function shoot(page, name) {
  await page.evaluate(() => document.fonts.ready);
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}

test('screenshots of the board, the cadre page, sign-in, admin and the tracking page, in Chinese and English', { timeout: 90_000 }, async (t) => {
  assert.ok(flow.trackPath, 'needs the flow test’s case');
  mkdirSync(SHOTS, { recursive: true });
  // A few more open cases, so the board has something in its columns.
  await submitCase({ category: 'environment', kind: 'suggestion', description: '文庙花园垃圾分类点建议加装洗手池', location: { compound: 'wenmiao-huayuan' } });
  await submitCase({ category: 'owners-committee', description: '吉市口佳苑东区业委会换届，希望社区组织协商', location: { compound: 'jishikou-east', building: '3' } });

  const pages = [
    {
      name: 'board', device: DESK, path: '/board', who: 'ximen-dispatcher',
      ready: async (p) => { await visible(p, S.board.section); await connected(p); await visible(p, S.board.card(flow.cadreCase)); },
    },
    {
      name: 'cadre', device: PHONE, path: '/cadre', who: CADRE,
      ready: async (p) => { await visible(p, S.cadre.section); await connected(p); await visible(p, S.cadre.caseItem(flow.cadreCase)); },
    },
    {
      name: 'signin', device: PHONE, path: '/signin',
      ready: async (p) => { await visible(p, S.signin.form); },
    },
    {
      name: 'admin', device: DESK, path: '/admin', who: 'admin',
      ready: async (p) => { await visible(p, S.admin.section); await visible(p, S.admin.accountRow('ximen-dispatcher')); await visible(p, '#cadres-body tr'); },
    },
    {
      name: 'track', device: PHONE, path: flow.trackPath,
      ready: async (p) => { await visible(p, S.track.summary); await connected(p); await visible(p, S.track.closed); },
    },
  ];
  for (const { name, device, path, who, ready } of pages) {
    const { page, context } = who ? await openAs(device, path, who) : await open(device, path);
    await ready(page);
    await shoot(page, `${name}-zh`);
    await switchToEnglish(page, ready);
    await shoot(page, `${name}-en`);
    t.diagnostic(`${name}: ${S.common.languageSwitch} ${await page.locator(S.common.languageSwitch).count() ? 'clicked' : 'absent, used localStorage'}`);
    await context.close();
  }
});

// ── 4. a phone nobody has tapped yet ───────────────────────────────────────────────────────────

test('a cadre page nobody has tapped announces a new case without a blocked vibration', { timeout: 60_000 }, async () => {
  // Playwright's own evaluations count as a user gesture, so this test waits on network events
  // and reads the page through a CDP session of its own (Runtime.evaluate without a gesture).
  // Signing in is typing and tapping, and Chromium carries that activation over to the pages the tab
  // opens next. So the cadre signs in on one phone, and the session this tab keeps is handed to a
  // fresh tab nobody has touched (as a page of its own would find it in sessionStorage).
  const signedIn = (await open(PHONE, '/cadre', { cuttableHub: false })).page;
  await signInThroughPage(signedIn, CADRE);
  await signedIn.locator(S.cadre.section).waitFor({ state: 'visible' });
  const kept = await signedIn.evaluate(() => Object.entries(sessionStorage));
  await signedIn.context().close();

  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  context.setDefaultTimeout(20_000);
  await context.addInitScript((entries) => {
    if (location.protocol !== 'http:') return; // about:blank has no storage
    for (const [key, value] of entries) sessionStorage.setItem(key, value);
  }, kept);
  const page = await context.newPage();
  const reads = [];
  let onRead = () => {};
  page.on('response', (res) => {
    if (/\/api\/v1\/cadres\/[^/]+$/.test(new URL(res.url()).pathname)) { reads.push(res.status()); onRead(); }
  });
  const readCount = (n) => new Promise((resolve) => { onRead = () => { if (reads.length >= n) resolve(); }; onRead(); });
  await page.goto(sys.baseUrl + '/cadre');
  await readCount(2); // the first read, and the one after the hub connected
  const cdp = await context.newCDPSession(page);
  const toast = cdp.send('Runtime.evaluate', {
    awaitPromise: true, returnByValue: true, userGesture: false,
    expression: `new Promise((resolve) => {
      const el = document.querySelector(${JSON.stringify(S.cadre.toast)});
      const check = () => { if (!el.hidden) resolve({ text: el.textContent, activated: navigator.userActivation.hasBeenActive }); };
      new MutationObserver(check).observe(el, { attributes: true });
      check();
    })`,
  });
  await setDuty(OTHER_CADRE, false);
  await submitCase({ description: '西关嘉园2号楼暖气片漏水' });
  const shown = (await toast).result.value;
  await readCount(reads.length + 1); // the read the push asked for, after the beep
  assert.equal(shown.activated, false, 'nobody has tapped the page');
  assert.ok(shown.text, 'the new case is announced');
  assert.ok(reads.every((status) => status === 200), `cadre reads: ${reads}`);
  // Chromium logs a blocked vibration as a console error: the harness's check after each test fails on it.
  assertPagesClean();
});

// ── 5. an official's board ────────────────────────────────────────────────────────────────────

test('an official\'s board shows a case escalated to its level, live, and hands it back', { timeout: 60_000 }, async () => {
  const SUBDISTRICT = 'wenshang-subdistrict';
  const { page } = await openAs(DESK, `/board?scope=${SUBDISTRICT}`, 'admin');
  await visible(page, S.board.section);
  await connected(page);
  await page.locator(S.board.scopeBoard(SUBDISTRICT)).waitFor({ state: 'attached' });
  assert.equal(await page.locator(S.board.roster).isHidden(), true, 'an official\'s board has no roster');

  // The community escalates a case: it appears on the sub-district's board by itself, with an alert.
  const { caseId } = await submitCase({ description: '西关嘉园2号楼供暖管网需要街道协调' });
  await assignedCase(caseId);
  await sys.api('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/escalate`, { reason: '需要街道协调供热公司' }, dispatcher);
  await visible(page, S.board.card(caseId));
  await visible(page, S.board.alert('escalated'));

  // The official hands it back with instructions; it leaves this level.
  await page.locator(`${S.board.card(caseId)} details[data-details="actions"] > summary`).click();
  await page.locator(S.board.formField(caseId, 'return', 'instructions')).fill('请社区先联系供热站');
  await page.locator(S.board.formSubmit(caseId, 'return')).click();
  await gone(page, S.board.card(caseId));
});

// ── 6. every page, signed in or not, has its icon and a clean console ─────────────────────────

test('every page shows the Gongzhi icon, served by the gateway', { timeout: 60_000 }, async () => {
  assert.ok(flow.trackPath, 'needs the flow test’s case');
  // Signed out: the staff pages show their sign-in form.
  for (const path of ['/', '/submit', flow.trackPath, '/cadre', '/board', '/signin', '/admin', '/official']) {
    const { page, context } = await open(PHONE, path);
    await page.waitForLoadState('networkidle');
    const icons = await page.locator(S.common.icon).evaluateAll((links) => links.map((l) => l.href));
    assert.ok(icons.length > 0, `${path} links no icon`);
    for (const href of icons) {
      const res = await fetch(href);
      assert.equal(res.status, 200, `${path}: ${href} → ${res.status}`);
      assert.match(res.headers.get('content-type') ?? '', /^image\//, `${href} is an image`);
    }
    assertPagesClean();
    await context.close();
  }
  // Browsers ask for /favicon.ico by themselves, whatever the page links.
  assert.equal((await fetch(`${sys.baseUrl}/favicon.ico`)).status, 200);
});
