// Browser test of silent renewal: this file's gateway issues tokens that last seconds, not minutes,
// so an open board outlives several of them while the test watches. The page must renew each before
// it runs out, and when the server closes the hub at a token's expiry, connect again on the fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESK, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage, storedToken } from './staff.mjs';

/** Long enough to sign in and go live; the page renews at two thirds of it. */
const LIFETIME_S = 12;

const suite = browserSuite({ gatewayEnv: { Auth__TokenLifetime: `00:00:${LIFETIME_S}` } });

const isHub = (ws) => ws.url().includes('/hubs/');

test('an open board renews its token before it runs out and stays live past the first token’s end, without asking to sign in', { timeout: 90_000 }, async () => {
  const page = await suite.page(DESK, { timeout: LIFETIME_S * 2_000 });
  const hubs = page.hubSockets;
  await page.goto(`${suite.sys.baseUrl}/board`);
  await signInThroughPage(page, 'ximen-dispatcher');
  await page.locator(S.board.section).waitFor({ state: 'visible' });
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
  const first = await storedToken(page);
  const firstHub = hubs.at(-1);
  const bearer = (ws) => new URL(ws.url()).searchParams.get('access_token');
  assert.equal(bearer(firstHub), first, 'the hub connected with the signed-in token');

  // The page renews on its own, well before the first token runs out.
  await page.waitForFunction((old) => {
    const kept = JSON.parse(sessionStorage.getItem('gongzhi.staffSession') ?? 'null');
    return kept && kept.token !== old;
  }, first);
  const renewed = await storedToken(page);
  const me = await fetch(`${suite.sys.baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${renewed}` } });
  assert.equal(me.status, 200, 'the renewed token is good');
  assert.equal((await me.json()).username, 'ximen-dispatcher');

  // The server closes the hub when the token it connected with runs out; the page connects again on a renewed one.
  if (!firstHub.isClosed()) await firstHub.waitForEvent('close');
  const next = hubs.at(-1) !== firstHub ? hubs.at(-1) : await page.waitForEvent('websocket', { predicate: isHub });
  assert.notEqual(bearer(next), first, 'the hub connects again with a renewed token');
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
  assert.equal(await page.locator(S.signin.form).count(), 0, 'nobody was asked to sign in');
  assert.equal(await page.locator(S.board.section).isVisible(), true, 'the board stays on screen');

  // Live after the first token's end: a resident's new case reaches the board by push.
  const { caseId } = await suite.sys.api('POST', '/api/v1/cases', {
    communityId: 'ximen', kind: 'grievance', category: 'environment', description: '西门小区东门路灯不亮已经三天了',
    location: { compound: 'wenmiao-huayuan' }, contact: { name: '孙先生', phone: '13905371111' },
  });
  await page.locator(S.board.card(caseId)).waitFor({ state: 'visible' });
});
