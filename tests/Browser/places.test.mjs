// Browser test of "use my location" on the submit page (issue 15): with the geolocation permission granted and the
// phone at building 9 of 吉市口佳苑西区, the page selects that compound and building and the submitted case carries the
// point; at a point across the county seat the page says the location is outside the community; without the
// permission it says so. Screenshots of the found outcome in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE, REPO, browserSuite, expectRefusal } from './harness.mjs';
import * as S from './selectors.mjs';

const SHOTS = join(REPO, 'docs', 'screenshots');
// A few metres from building 9 of jishikou-west (seeds/places/ximen.geojson).
const AT_BUILDING_9 = { latitude: 35.72712, longitude: 116.48664 };
// Wenshang's east side, over a kilometre from Ximen's compounds.
const EAST_OF_TOWN = { latitude: 35.7260, longitude: 116.5100 };
const suite = browserSuite();

/** The submit page on a phone standing at `position`, with location allowed (or, with null, not). */
async function submitPageAt(position) {
  const page = await suite.page(PHONE);
  if (position) {
    await page.context().grantPermissions(['geolocation'], { origin: suite.sys.baseUrl });
    await page.context().setGeolocation({ ...position, accuracy: 10 });
  }
  await page.goto(`${suite.sys.baseUrl}/submit`);
  await page.locator(S.submit.form).waitFor({ state: 'visible' });
  return page;
}

async function shoot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.locator(S.submit.locationField).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('at a building of Ximen, the compound and building are chosen and the case carries the point', { timeout: 150_000 }, async () => {
  const page = await submitPageAt(AT_BUILDING_9);

  await page.locator(S.submit.useLocation).click();
  await page.locator(S.submit.locationOutcome('found')).waitFor({ state: 'visible' });

  assert.equal(await page.locator(S.submit.compound).inputValue(), 'jishikou-west');
  assert.equal(await page.locator(S.submit.building).inputValue(), '9');
  assert.match(await page.locator(S.submit.locationStatus).innerText(), /吉市口佳苑西区9号楼/);
  await shoot(page, 'submit-location-zh');
  await page.locator(S.common.languageSwitch).first().click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator(S.submit.locationStatus).innerText(), /Jishikou Jiayuan West, building 9/);
  await shoot(page, 'submit-location-en');

  await page.locator(S.submit.kind('service')).check();
  await page.locator(S.submit.category).selectOption('environment');
  await page.locator(S.submit.description).fill('9号楼北侧垃圾桶满了两天没人清');
  await page.locator(S.submit.contactName).fill('赵先生');
  await page.locator(S.submit.contactPhone).fill('13905379876');
  await page.locator(S.submit.submitButton).click();
  await page.locator(S.submit.confirmation).waitFor({ state: 'visible' });
  const caseId = (await page.locator(S.submit.confirmationCaseId).innerText()).trim();

  const dispatcher = await suite.sys.signIn('ximen-dispatcher');
  const deadline = Date.now() + 30_000;
  let theCase = null;
  while (!theCase && Date.now() < deadline) {
    theCase = await suite.sys.api('GET', `/api/v1/cases/${caseId}`, undefined, dispatcher).catch(() => null);
    if (!theCase) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(theCase, `case ${caseId} was not taken in`);
  assert.equal(theCase.location.compound, 'jishikou-west');
  assert.deepEqual(theCase.location.point, AT_BUILDING_9);
});

test('outside the community, the page says so and chooses nothing', { timeout: 60_000 }, async () => {
  const page = await submitPageAt(EAST_OF_TOWN);
  expectRefusal(page, 422, /\/places\/locate/);

  await page.locator(S.submit.useLocation).click();
  await page.locator(S.submit.locationOutcome('outside')).waitFor({ state: 'visible' });

  assert.match(await page.locator(S.submit.locationStatus).innerText(), /不在西门社区内/);
  assert.equal(await page.locator(S.submit.compound).inputValue(), '');
});

test('without the permission, the page says location was not allowed', { timeout: 60_000 }, async () => {
  const page = await submitPageAt(null);

  await page.locator(S.submit.useLocation).click();
  await page.locator(S.submit.locationOutcome('denied')).waitFor({ state: 'visible' });

  assert.match(await page.locator(S.submit.locationStatus).innerText(), /没有得到位置权限/);
});
