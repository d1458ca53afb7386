// Browser test of photos (issue 14): a resident attaches two photos to a submission, the cadre sees
// them and resolves with a photo from the phone's camera (the file chooser), and the tracking page
// shows both as thumbnails that open full size. Photos are made in the test by Chromium's canvas;
// the big one proves the page makes photos small (≤ 1600 px) before sending them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE, REPO, browserSuite } from './harness.mjs';
import * as S from './selectors.mjs';
import { signInThroughPage } from './staff.mjs';

const SHOTS = join(REPO, 'docs', 'screenshots');
const CADRE = 'wang-liqun';
const suite = browserSuite();

/** A photo drawn on a canvas in the page, as bytes for a file input: `{ name, mimeType, buffer }`. */
async function makePhoto(page, name, type, width, height, colour) {
  const base64 = await page.evaluate(async ([t, w, h, c]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext('2d');
    g.fillStyle = c;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#fff';
    g.fillRect(w * 0.1, h * 0.6, w * 0.5, h * 0.2);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, t, 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, [type, width, height, colour]);
  return { name, mimeType: type, buffer: Buffer.from(base64, 'base64') };
}

async function open(device, path) {
  const page = await suite.page(device);
  await page.goto(suite.sys.baseUrl + path);
  return page;
}

const visible = (page, selector) => page.locator(selector).first().waitFor({ state: 'visible' });

/**
 * Waits until `count` images match and each has loaded; answers their natural widths. The page may draw its list
 * again meanwhile (a live update), so the images are looked up afresh at each try, in the page, never held: each try
 * scrolls the first image not yet loaded into view, because a lazy image loads only near the screen.
 */
async function loadedImages(page, selector, count) {
  await page.waitForFunction(([sel, n]) => {
    const images = [...document.querySelectorAll(sel)];
    if (images.length !== n) return false;
    const waiting = images.find((img) => !(img.complete && img.naturalWidth > 0));
    waiting?.scrollIntoView({ block: 'center' });
    return !waiting;
  }, [selector, count], { polling: 100 });
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((img) => img.naturalWidth), selector);
}

async function toEnglish(page) {
  await page.locator(S.common.languageSwitch).first().click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** A screenshot of the phone's screen with `selector` in the middle of it. */
async function shoot(page, name, selector) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.locator(selector).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

test('a resident submits with two photos, the cadre resolves with a camera photo, both show as thumbnails', { timeout: 150_000 }, async () => {
  const { sys } = suite;
  const dispatcher = await sys.signIn('ximen-dispatcher');
  // Every heating case goes to 王立群: the other heating cadre is off duty.
  await sys.api('POST', '/api/v1/cadres/li-jianguo/duty', { onDuty: false }, dispatcher);

  const cadre = await open(PHONE, '/cadre');
  await signInThroughPage(cadre, CADRE);
  await visible(cadre, S.cadre.section);

  // The resident fills the form and attaches a big photo and a PNG.
  const submit = await open(PHONE, '/submit');
  await visible(submit, S.submit.form);
  const big = await makePhoto(submit, 'leak.jpg', 'image/jpeg', 2400, 1800, '#3a6ea5');
  const png = await makePhoto(submit, 'ceiling.png', 'image/png', 800, 600, '#a5533a');
  await submit.locator(S.submit.kind('service')).check();
  await submit.locator(S.submit.category).selectOption('heating');
  await submit.locator(S.submit.compound).selectOption('xiguan-jiayuan');
  await submit.locator(S.submit.building).selectOption('2');
  await submit.locator(S.submit.description).fill('2号楼楼道暖气管漏水，天花板渗水，见照片');
  await submit.locator(S.submit.contactName).fill('赵女士');
  await submit.locator(S.submit.contactPhone).fill('13905375555');
  await submit.locator(S.photos.submitInput).setInputFiles([big, png]);
  const previews = await loadedImages(submit, S.photos.submitPreviews, 2);
  assert.ok(previews[0] <= 1600, `the 2400 px photo was sent at ${previews[0]} px, not made small first`);
  assert.equal(await submit.locator(S.photos.busy).count(), 0);
  await shoot(submit, 'submit-photos-zh', S.photos.submitField);
  await toEnglish(submit);
  await loadedImages(submit, S.photos.submitPreviews, 2);
  await shoot(submit, 'submit-photos-en', S.photos.submitField);
  await submit.locator(S.submit.submitButton).click();
  await visible(submit, S.submit.confirmation);
  const caseId = (await submit.locator(S.submit.confirmationCaseId).textContent()).trim();
  const trackPath = new URL(await submit.locator(S.submit.trackLink).getAttribute('href'), sys.baseUrl).pathname;

  // The cadre sees the resident's photos on the case, takes it, and resolves with the camera.
  await visible(cadre, S.cadre.caseItem(caseId));
  await loadedImages(cadre, S.photos.cadreSubmitted(caseId), 2);
  await cadre.locator(S.cadre.acknowledge(caseId)).click();
  await visible(cadre, `${S.cadre.caseItem(caseId)}[data-status="acknowledged"]`);
  const camera = cadre.locator(S.photos.resolveInput(caseId));
  assert.equal(await camera.getAttribute('capture'), 'environment', 'the resolve form opens the back camera');
  assert.equal(await camera.getAttribute('accept'), 'image/*');
  const fixed = await makePhoto(cadre, 'IMG_0001.jpg', 'image/jpeg', 1200, 1600, '#2f8f4e');
  const chooser = cadre.waitForEvent('filechooser');
  await cadre.locator(S.photos.resolveChoose(caseId)).click();
  await (await chooser).setFiles([fixed]);
  await loadedImages(cadre, S.photos.resolvePreviews(caseId), 1);
  await cadre.locator(S.cadre.resolveNote(caseId)).fill('已更换漏水管段，天花板已清理');
  await cadre.locator(S.cadre.resolveSubmit(caseId)).click();
  await cadre.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !el || el.dataset.status === 'resolved';
  }, S.cadre.caseItem(caseId));

  // The resident's tracking page: their two photos and the cadre's one, lazy, each opening full size.
  const track = await open(PHONE, trackPath);
  await visible(track, S.track.summary);
  await visible(track, `${S.track.status}[data-status="resolved"]`);
  const mine = await loadedImages(track, S.photos.trackThumbs('submitted'), 2);
  await loadedImages(track, S.photos.trackThumbs('resolved'), 1);
  assert.ok(mine.every((w) => w <= 1600), `thumbnails of photos of at most 1600 px: ${mine}`);
  assert.equal(await track.locator(S.photos.trackThumbs('submitted')).first().getAttribute('loading'), 'lazy');
  const alt = await track.locator(S.photos.trackThumbs('resolved')).first().getAttribute('alt');
  assert.match(alt, /办结照片/);
  const href = await track.locator(S.photos.trackLinks('resolved')).first().getAttribute('href');
  assert.match(href, new RegExp(`^/api/v1/cases/${caseId}/photos/[0-9a-f]{32}\\.jpg$`), 'an unguessable same-site URL');
  const popup = track.waitForEvent('popup');
  await track.locator(S.photos.trackLinks('resolved')).first().click();
  const full = await popup;
  await full.waitForLoadState();
  assert.equal(new URL(full.url()).pathname, href, 'the thumbnail opens the full photo');
  await full.close();
  await shoot(track, 'track-photos-zh', S.photos.trackThumbs('resolved'));
  await toEnglish(track);
  await loadedImages(track, S.photos.trackThumbs('submitted'), 2);
  assert.match(await track.locator(S.photos.trackThumbs('resolved')).first().getAttribute('alt'), /work done/);
  await shoot(track, 'track-photos-en', S.photos.trackThumbs('resolved'));
});
