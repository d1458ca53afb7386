// Browser test of the way to the Orleans Dashboard: an admin's button on /admin takes the ops ticket
// and opens the real dashboard (the silo's, through the gateway at /ops/orleans/) in a new tab, where
// it loads its files and data under that prefix; a dispatcher's tab gets no dashboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESK, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();

test('an admin opens the Orleans Dashboard from the admin page in a new tab, with the cluster’s data', { timeout: 150_000 }, async () => {
  const page = await suite.page(DESK);
  await page.goto(`${suite.sys.baseUrl}/admin`);
  await signInThroughPage(page, 'admin');
  await page.locator(S.admin.section).waitFor({ state: 'visible' });

  const opened = page.context().waitForEvent('page');
  await page.locator(S.admin.orleansDashboard).click();
  // A tab the page could not open, or a ticket it was refused, shows on the page: fail with its words.
  const refused = page.locator(S.admin.opsMessage).waitFor({ state: 'visible' }).then(async () => {
    throw new Error(`no dashboard tab: ${await page.locator(S.admin.opsMessage).textContent()}`);
  });
  refused.catch(() => {}); // settled either way once the tab has opened
  const dashboard = await Promise.race([opened, refused]);
  const data = dashboard.waitForResponse((r) => new URL(r.url()).pathname === '/ops/orleans/DashboardCounters' && r.status() === 200);
  await dashboard.waitForURL((url) => url.pathname === '/ops/orleans/');
  await dashboard.waitForLoadState('domcontentloaded');

  assert.equal(await dashboard.title(), 'Orleans Dashboard');
  await data;
  await dashboard.locator(S.orleans.menu).first().waitFor({ state: 'visible' });
  await dashboard.getByText('Loading...').waitFor({ state: 'detached' });
});

test('a tab without the ticket, or a dispatcher, gets no Orleans Dashboard', { timeout: 60_000 }, async () => {
  const tab = await fetch(`${suite.sys.baseUrl}/ops/orleans/`);
  assert.equal(tab.status, 401, 'a tab without the ticket is refused');

  const token = await suite.sys.signIn('ximen-dispatcher');
  const ticket = await fetch(`${suite.sys.baseUrl}/api/v1/auth/ops-ticket`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  assert.equal(ticket.status, 403, 'a dispatcher gets no ticket');
  assert.equal(ticket.headers.get('set-cookie'), null);
});
