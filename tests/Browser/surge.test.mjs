// Browser test of the early warning of collective grievances: eight heating complaints from one
// building of Ximen Compound reach the community's board as one live warning, which offers a 7+X
// meeting with those cases ticked; screenshots of the board with the warning in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESK, REPO, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const suite = browserSuite();
const SHOTS = join(REPO, 'docs', 'screenshots');

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });

test('a surge of complaints from one building reaches the board live as one warning that suggests a 7+X meeting', { timeout: 120_000 }, async () => {
  const page = await suite.page(DESK);
  await page.goto(`${suite.sys.baseUrl}/board`);
  await signInThroughPage(page, 'ximen-dispatcher');
  await visible(page, S.board.section);
  await page.locator(S.common.connected).waitFor({ state: 'attached' });

  const caseIds = [];
  for (let i = 0; i < 8; i++) {
    const { caseId } = await suite.sys.api('POST', '/api/v1/cases', {
      communityId: 'ximen', kind: 'grievance', category: 'heating', description: `西门小区61号楼暖气不热，第${i + 1}户`,
      location: { compound: 'ximen-xiaoqu', building: '61' }, contact: { name: '居民', phone: '13905370000' },
    });
    caseIds.push(caseId);
  }

  await visible(page, S.surge.section);
  assert.equal(await page.locator(S.surge.anyItem).count(), 1, 'one warning, not one per case');
  const alertId = await page.locator(S.surge.anyItem).getAttribute('data-alert-id');
  await page.locator(S.surge.convene(alertId)).click();
  await visible(page, S.surge.conveneOpen);
  assert.ok((await page.locator(S.surge.conveneTopic).inputValue()).length > 0, 'the topic is prefilled');
  // The warning may come before its cases reach the board: each is ticked as it appears.
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length >= 6, S.surge.anyTicked);
  const ticked = await page.locator(S.surge.anyTicked).evaluateAll((all) => all.map((i) => i.value));
  assert.ok(ticked.every((id) => caseIds.includes(id)), 'only the surge\'s cases are ticked');

  mkdirSync(SHOTS, { recursive: true });
  await page.locator(S.surge.section).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, 'board-surge-zh.png'), animations: 'disabled', caret: 'hide' });
  await page.evaluate((key) => localStorage.setItem(key, 'en'), S.common.localeKey);
  await page.reload();
  await visible(page, S.surge.item(alertId));
  assert.match(await page.locator(S.surge.item(alertId)).textContent(), /Convene a 7\+X meeting/);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, 'board-surge-en.png'), animations: 'disabled', caret: 'hide' });
});
