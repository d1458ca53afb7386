// Browser tests of staff accounts: signing in through the page (and failing to), signing out, an
// admin creating an account that then signs in, and a resident's phone shown only on request.
// One system for the file; each test uses accounts and cases of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESK, PHONE, browserSuite, expectRefusal, requestsSettled } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();

async function open(device, path) {
  const page = await suite.page(device);
  await page.goto(suite.sys.baseUrl + path);
  return { page };
}

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });
const pathOf = (page) => { const url = new URL(page.url()); return url.pathname + url.search; };

test('a wrong password shows why, and the right one leads to the person’s own page', { timeout: 60_000 }, async () => {
  const { page } = await open(PHONE, '/signin');
  expectRefusal(page, 401, /\/api\/v1\/auth\/login$/);
  await visible(page, S.signin.form);
  await page.locator(S.signin.username).fill('li-jianguo');
  await page.locator(S.signin.password).fill('not-the-password');
  await page.locator(S.signin.submit).click();
  await visible(page, S.signin.error);
  assert.ok((await page.locator(S.signin.error).textContent()).trim(), 'the refusal is said in words');
  assert.equal(await page.locator(S.signin.password).inputValue(), '', 'the wrong password is cleared');
  assert.equal(pathOf(page), '/signin', 'no page opens');

  await signInThroughPage(page, 'li-jianguo');
  await visible(page, S.cadre.section);
  assert.equal(pathOf(page), '/cadre', 'a cadre lands on the cadre page');
  assert.equal(await page.locator(S.account.name).getAttribute('data-username'), 'li-jianguo');
});

test('signing out returns to the sign-in form, and the token is refused from then on', { timeout: 60_000 }, async () => {
  const { page } = await open(DESK, '/board');
  await signInThroughPage(page, 'ximen-dispatcher');
  await visible(page, S.board.section);
  await page.locator(S.common.connected).waitFor({ state: 'attached' });
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('gongzhi.staffSession')).token);

  await page.locator(`${S.account.menu} > summary`).click();
  await page.locator(S.account.signOut).click();
  await visible(page, S.signin.notice('signin.signedOut'));
  assert.equal(await page.locator(S.board.section).isHidden(), true, 'the board is hidden');
  assert.equal(await page.locator(S.account.menu).count(), 0, 'the account menu is gone');
  await page.waitForFunction(() => sessionStorage.getItem('gongzhi.staffSession') === null);
  // The page shows the form at once and tells the server after; CI saw the token asked about before that request landed.
  await requestsSettled(page);

  const me = await fetch(`${suite.sys.baseUrl}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(me.status, 401, 'the signed-out token is refused');
  await page.reload();
  await visible(page, S.signin.form);
});

test('an admin creates an account on the admin page, and that account signs in', { timeout: 90_000 }, async () => {
  const username = `test-dispatcher-${Date.now().toString(36)}`;
  const password = 'Xiaoqu-tiaodu-2026!';
  const { page } = await open(DESK, '/admin');
  await signInThroughPage(page, 'admin');
  await visible(page, S.admin.section);
  await visible(page, S.admin.accountRow('ximen-dispatcher'));

  await page.locator(S.admin.newAccount).click();
  await page.locator(S.admin.newAccountField('username')).fill(username);
  await page.locator(S.admin.newAccountField('displayName')).fill('测试调度员');
  await page.locator(S.admin.newAccountField('role')).selectOption('dispatcher');
  await page.locator(S.admin.newAccountField('scope')).fill('ximen');
  await page.locator(S.admin.newAccountField('password')).fill(password);
  await page.locator(S.admin.newAccountSubmit).click();
  await visible(page, S.admin.accountRow(username));
  assert.equal(await page.locator(S.admin.accountRow(username)).getAttribute('data-role'), 'dispatcher');
  await page.locator(`#audit-body tr[data-audit-target="${username}"]`).first().waitFor({ state: 'attached' });

  const other = (await open(DESK, '/signin')).page;
  await signInThroughPage(other, username, password);
  await visible(other, S.board.section);
  assert.equal(pathOf(other), '/board', 'a dispatcher lands on the board');
  await other.locator(S.common.connected).waitFor({ state: 'attached' });
});

test('the board shows a resident’s phone masked until "show number", and the reveal is recorded', { timeout: 60_000 }, async () => {
  const { caseId } = await suite.sys.api('POST', '/api/v1/cases', {
    communityId: 'ximen', kind: 'grievance', category: 'environment', description: '文庙花园垃圾桶满了没人清运',
    location: { compound: 'wenmiao-huayuan' }, contact: { name: '赵女士', phone: '13905376789' },
  });
  const { page } = await open(DESK, '/board');
  await signInThroughPage(page, 'ximen-dispatcher');
  const card = S.board.card(caseId);
  await visible(page, card);
  await page.locator(`${card} details[data-details="details"] > summary`).click();
  const masked = await page.locator(`${card} [data-phone-for="${caseId}"] [data-masked="true"]`).textContent();
  assert.ok(!masked.includes('5376'), `the number shows masked: ${masked}`);

  await page.locator(`${card} [data-reveal-phone="${caseId}"]`).click();
  const shown = page.locator(`${card} [data-phone-for="${caseId}"] a[data-masked="false"]`);
  await shown.waitFor({ state: 'visible' });
  assert.equal((await shown.textContent()).trim(), '13905376789');
  await visible(page, `${card} .phone-recorded`);

  const day = new Date().toISOString().slice(0, 10);
  const admin = await suite.sys.signIn('admin');
  const audit = await suite.sys.api('GET', `/api/v1/admin/audit?day=${day}`, undefined, admin);
  assert.ok(audit.some((e) => e.target === caseId && e.actor === 'ximen-dispatcher'), 'the reveal is in the audit log');
});
