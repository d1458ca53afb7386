// Staff sign in through the page, as a person does: the form stands in for the staff page while
// nobody is signed in, and signing in brings the page back (a navigation: a fresh document).
import { DEMO_PASSWORD } from './harness.mjs';
import * as S from './selectors.mjs';

/** Fills the sign-in form on `page` and waits for the page it leads to; a refusal fails with its words. */
export async function signInThroughPage(page, username, password = DEMO_PASSWORD) {
  await page.locator(S.signin.form).waitFor({ state: 'visible' });
  await page.locator(S.signin.username).fill(username);
  await page.locator(S.signin.password).fill(password);
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await page.locator(S.signin.submit).click();
  // Submitting hides an earlier refusal; one shown now is this attempt's.
  const refused = page.locator(S.signin.error).waitFor({ state: 'visible' }).then(async () => {
    throw new Error(`${username} could not sign in: ${await page.locator(S.signin.error).textContent()}`);
  });
  refused.catch(() => {}); // settled either way once the page has gone
  await Promise.race([navigated, refused]);
  await page.waitForLoadState('domcontentloaded');
}


/** The staff token the page keeps for this tab (null once signed out). */
export const storedToken = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('gongzhi.staffSession') ?? 'null')?.token ?? null);
