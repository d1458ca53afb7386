// Screenshot of the real Orleans Dashboard as an admin sees it through the gateway, for
// docs/observability.md: starts the system (tests/Browser/harness.mjs: Azurite, the silo with the
// seeds, the gateway), submits a few cases so that grains are busy, signs in as the seeded admin on
// /admin, opens the dashboard with the page's own button and photographs the new tab.
// Needs `dotnet build Gongzhi.slnx` and `npm run build:dashboard` first, and Chromium (CHROMIUM_PATH).
// Usage: node scripts/orleans-dashboard-screenshot.mjs [out.png]   (default docs/observability/orleans-dashboard.png)
import { join } from 'node:path';
import { DESK, REPO, launchBrowser, startSystem } from '../tests/Browser/harness.mjs';
import * as S from '../tests/Browser/selectors.mjs';
import { signInThroughPage } from '../tests/Browser/staff.mjs';

const out = process.argv[2] ?? join(REPO, 'docs', 'observability', 'orleans-dashboard.png');
const [sys, browser] = await Promise.all([startSystem(), launchBrowser()]);
try {
  for (let i = 0; i < 12; i++) {
    await sys.api('POST', '/api/v1/cases', {
      communityId: 'ximen',
      kind: 'grievance',
      category: 'heating',
      description: `西关嘉园${(i % 4) + 1}号楼暖气不热，室温只有14度`,
      location: { compound: 'xiguan-jiayuan', building: `${(i % 4) + 1}` },
      contact: { name: '李先生', phone: '13905372222' },
    });
  }
  const context = await browser.newContext({ ...DESK, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${sys.baseUrl}/admin`);
  await signInThroughPage(page, 'admin');
  await page.locator(S.admin.section).waitFor({ state: 'visible' });
  const opened = context.waitForEvent('page');
  await page.locator(S.admin.orleansDashboard).click();
  const dashboard = await opened;
  await dashboard.setViewportSize(DESK.viewport);
  await dashboard.waitForURL((url) => url.pathname === '/ops/orleans/');
  await dashboard.locator(S.orleans.menu).first().waitFor({ state: 'visible' });
  // The charts fill one sample a second.
  await dashboard.waitForTimeout(15_000);
  await dashboard.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await sys.stop();
}
