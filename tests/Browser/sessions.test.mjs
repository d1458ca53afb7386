// Browser tests of how staff sessions end while a page is open: a password changed from the
// account menu (this page carries on, the same person's other browser is sent to sign in again),
// and an account disabled by an admin while its page is live. One system for the file; each test
// uses a seeded cadre no other test here touches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, PHONE, browserSuite, expectHubRefusal, expectRefusal } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage, storedToken } from './staff.mjs';

const suite = browserSuite();

/** Resolves when the page's live hub WebSocket closes (the page never closes it itself while signed in). */
const hubClosed = (page) => {
  const ws = page.hubSockets.at(-1);
  return ws.isClosed() ? Promise.resolve() : ws.waitForEvent('close');
};

/** Resolves once the page has a hub WebSocket open with `token` as its bearer. */
async function hubOpenWith(page, token) {
  const carries = (ws) => new URL(ws.url()).searchParams.get('access_token') === token;
  if (!page.hubSockets.some((ws) => carries(ws) && !ws.isClosed())) {
    await page.waitForEvent('websocket', { predicate: carries });
  }
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
}

/** A separate person's browser (its own storage) signed in as `username` on their live cadre page. */
async function liveCadrePage(username, password = DEMO_PASSWORD) {
  const page = await suite.page(PHONE);
  await page.goto(`${suite.sys.baseUrl}/cadre`);
  await signInThroughPage(page, username, password);
  await page.locator(S.cadre.section).waitFor({ state: 'visible' });
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
  return page;
}


/** The status of `POST /api/v1/auth/login` and its refusal code, if any. */
async function loginStatus(username, password) {
  const res = await fetch(`${suite.sys.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, code: body.code ?? null };
}

/** Fills the sign-in form on `page` with a password that must be refused, and waits for the refusal in words. */
async function signInRefused(page, username, password) {
  expectRefusal(page, 401, /\/api\/v1\/auth\/login$/);
  await page.locator(S.signin.form).waitFor({ state: 'visible' });
  await page.locator(S.signin.username).fill(username);
  await page.locator(S.signin.password).fill(password);
  await page.locator(S.signin.submit).click();
  await page.locator(S.signin.error).waitFor({ state: 'visible' });
  assert.ok((await page.locator(S.signin.error).textContent()).trim(), 'the refusal is said in words');
}

/** The page shows the sign-in form with the notice `key`, its staff section hidden, no account menu. */
async function sentToSignIn(page, key) {
  await page.locator(S.signin.notice(key)).waitFor({ state: 'visible' });
  assert.equal(await page.locator(S.cadre.section).isHidden(), true, 'the cadre page is hidden');
  assert.equal(await page.locator(S.account.menu).count(), 0, 'the account menu is gone');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('gongzhi.staffSession')), null, 'the token is forgotten');
}

test('a cadre changes their password from the account menu: this page carries on, their other browser must sign in again', { timeout: 90_000 }, async () => {
  const username = 'zhou-ting';
  const fresh = 'Zhouting-xin-mima-2026';
  const phone = await liveCadrePage(username);
  const tablet = await liveCadrePage(username);
  const before = await storedToken(phone);
  // The tablet learns its session ended when the server refuses its token: the hub closed, and its reconnect is refused.
  expectHubRefusal(tablet);
  const tabletHubClosed = hubClosed(tablet);

  await phone.locator(`${S.account.menu} > summary`).click();
  await phone.locator(S.account.changePassword).click();
  await phone.locator(S.account.passwordDialog).waitFor({ state: 'visible' });
  await phone.locator(S.account.currentPassword).fill(DEMO_PASSWORD);
  await phone.locator(S.account.newPassword).fill(fresh);
  await phone.locator(S.account.repeatPassword).fill(fresh);
  await phone.locator(S.account.passwordSubmit).click();
  await phone.locator(S.account.passwordDialog).waitFor({ state: 'detached' });
  await phone.locator(S.account.pageMessage).waitFor({ state: 'visible' });

  // The other browser's session ended with the change: the server closes its hub and it asks to sign in again.
  await tabletHubClosed;
  await sentToSignIn(tablet, 'signin.ended');

  // This page took the change's fresh token: it keeps working, live, and the old token is refused.
  const after = await storedToken(phone);
  assert.ok(after && after !== before, 'the page keeps the fresh token');
  assert.equal((await fetch(`${suite.sys.baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${before}` } })).status, 401,
    'the token from before the change is refused');
  assert.equal(await phone.locator(S.signin.form).count(), 0, 'no sign-in form on the page that changed it');
  // The change ended every session, this one's too, and opened a new one: the page's hub is live again with the new token.
  await hubOpenWith(phone, after);
  const toggle = phone.locator(S.cadre.dutyToggle);
  const onDuty = await toggle.getAttribute('data-on-duty');
  await toggle.click();
  await phone.locator(`${S.cadre.dutyToggle}[data-on-duty="${onDuty === 'true' ? 'false' : 'true'}"]`).waitFor({ state: 'attached' });
  await phone.locator(S.common.connected).waitFor({ state: 'attached' });

  // The old password no longer signs in; the new one does.
  await signInRefused(tablet, username, DEMO_PASSWORD);
  await signInThroughPage(tablet, username, fresh);
  await tablet.locator(S.cadre.section).waitFor({ state: 'visible' });
  await tablet.locator(S.common.connected).waitFor({ state: 'attached' });
  assert.equal(await tablet.locator(S.account.name).getAttribute('data-username'), username);
});

test('an admin disables an account while its cadre page is live: the page stops at once and asks to sign in; enabled again, it signs in', { timeout: 90_000 }, async () => {
  const username = 'wu-lei';
  const page = await liveCadrePage(username);
  const admin = await suite.sys.signIn('admin');
  expectHubRefusal(page);
  const closed = hubClosed(page);

  await suite.sys.api('POST', `/api/v1/admin/accounts/${username}/disable`, undefined, admin);
  // No reload and no renewal due for minutes: the server closing the hub connection is what ends the page.
  await closed;
  await sentToSignIn(page, 'signin.ended');
  assert.equal(await page.locator(S.common.connection).isHidden(), true, 'no connection state is shown any more');

  assert.deepEqual(await loginStatus(username, DEMO_PASSWORD), { status: 401, code: 'sign-in-failed' }, 'a disabled account cannot sign in');
  await signInRefused(page, username, DEMO_PASSWORD);

  await suite.sys.api('POST', `/api/v1/admin/accounts/${username}/enable`, undefined, admin);
  await signInThroughPage(page, username);
  await page.locator(S.cadre.section).waitFor({ state: 'visible' });
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
});
