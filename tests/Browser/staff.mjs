// Staff sign in through the page, as a person does: the form stands in for the staff page while
// nobody is signed in, and signing in brings the page back (a navigation: a fresh document).
import { DEMO_PASSWORD } from './harness.mjs';
import * as S from './selectors.mjs';

/** Fills the sign-in form on `page` and waits for the page it leads to. */
export async function signInThroughPage(page, username, password = DEMO_PASSWORD) {
  await page.locator(S.signin.form).waitFor({ state: 'visible' });
  await page.locator(S.signin.username).fill(username);
  await page.locator(S.signin.password).fill(password);
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
    page.locator(S.signin.submit).click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
}
