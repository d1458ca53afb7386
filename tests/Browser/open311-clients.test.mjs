// Browser test of the admin's Open311 clients: issuing a client its api_key, which the page shows once
// (with a copy button and a warning) and never again, then revoking it after a confirmation.
// Screenshots of the panel with a key just issued, in Chinese and English (admin-open311-zh/en).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESK, REPO, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();
const SHOTS = join(REPO, 'docs', 'screenshots');
const O = S.open311Clients;

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });

/** Issues a client through the form and answers its id and the key the page shows. */
async function issueThroughPage(page, name) {
  if (!(await page.locator(O.field('name')).isVisible())) await page.locator(O.newClient).click();
  await page.locator(O.field('name')).fill(name);
  await page.locator(O.field('contact')).fill('ops@example.org');
  await page.locator(O.field('requestsPerMinute')).fill('30');
  await page.locator(O.submit).click();
  try {
    await visible(page, O.issued);
  } catch (err) {
    // CI once waited 20 s here for a key that never showed: say what the page said and what was on its way.
    const shown = await page.evaluate(() => ({
      message: document.getElementById('open311-message')?.textContent ?? null,
      form: [...document.querySelectorAll('#open311-new .field-error, #open311-new [role="alert"]')].map((e) => e.textContent),
      signIn: !(document.getElementById('signin')?.hidden ?? true),
    })).catch((e) => String(e));
    const pending = [...page.inFlight].map((r) => `${r.method()} ${r.url()}`);
    throw new Error(`The issued key did not show (${err.message.split('\n')[0]}).\n  page: ${JSON.stringify(shown)}\n  `
      + `in flight: ${JSON.stringify(pending)}\n  troubles: ${JSON.stringify(page.troubles)}`, { cause: err });
  }
  await visible(page, O.rowNamed(name));
  return { clientId: await page.locator(O.rowNamed(name)).getAttribute('data-client-id'), key: (await page.locator(O.key).textContent()).trim() };
}

/** The panel at the top of the window, below the page's header, as the admin sees it. */
async function shoot(page, name) {
  await page.locator(O.panel).evaluate((panel) => { panel.scrollIntoView({ block: 'start' }); window.scrollBy(0, -80); });
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('the admin issues a client its key, sees it once, copies it, and revokes it', { timeout: 120_000 }, async () => {
  const stamp = Date.now().toString(36);
  const page = await suite.page(DESK);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.sys.baseUrl });
  await page.goto(`${suite.sys.baseUrl}/admin`);
  await signInThroughPage(page, 'admin');
  await visible(page, S.admin.section);

  const first = await issueThroughPage(page, `城市仪表盘 ${stamp}`);
  assert.match(first.key, /^gz311_[A-Za-z0-9_-]{43}$/, 'the key is shown');
  assert.equal(await page.locator(O.row(first.clientId)).getAttribute('data-state'), 'active');
  await page.locator(O.copy).click();
  await visible(page, O.copied);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), first.key, 'the copy button copies the key');
  await shoot(page, 'admin-open311-zh');

  await page.locator(S.common.languageSwitch).first().click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.locator(O.dismiss).click();
  assert.equal(await page.locator(O.issued).count(), 0, 'the key box closes');
  const second = await issueThroughPage(page, `FixMyStreet ${stamp}`);
  assert.notEqual(second.key, first.key);
  assert.match(await page.locator(O.issued).textContent(), /never again/, 'the warning says it is shown once');
  await shoot(page, 'admin-open311-en');

  // Nowhere after a reload: neither the page nor the list answer carries a key again.
  await page.reload();
  await visible(page, O.row(first.clientId));
  const content = await page.content();
  assert.ok(!content.includes(first.key) && !content.includes(second.key), 'the reloaded page shows no key');
  const admin = await suite.sys.signIn('admin');
  const listed = JSON.stringify(await suite.sys.api('GET', '/api/v1/admin/open311-clients', undefined, admin));
  assert.ok(!listed.includes(first.key) && !listed.includes(second.key), 'the list answer carries no key');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.locator(O.revoke(first.clientId)).click();
  await page.locator(`${O.row(first.clientId)}[data-state="revoked"]`).waitFor({ state: 'visible' });
  assert.equal(await page.locator(O.revoke(first.clientId)).count(), 0, 'a revoked client has nothing left to revoke');
  assert.equal(await page.locator(O.row(second.clientId)).getAttribute('data-state'), 'active', 'the other client keeps its key');
  await visible(page, O.message);
  await page.locator(S.admin.auditRow('open311-client-revoke', first.clientId)).waitFor({ state: 'attached' });
  await page.locator(S.admin.auditRow('open311-client-issue', first.clientId)).waitFor({ state: 'attached' });
});
