// The shell every page shares: texts from `data-i18n` attributes, the language switch in the
// header, and one call to render the page again after a switch.
import { mountLanguageSwitch, onLocaleChange, translateDocument } from './i18n';

/**
 * Translate the static text, put the language switch at the end of the header (`.topbar`), and
 * run `render` now and after every language switch.
 */
export function initPage(render?: () => void): void {
  translateDocument();
  const header = document.querySelector<HTMLElement>('.topbar-right') ?? document.querySelector<HTMLElement>('.topbar');
  if (header && !document.getElementById('language-switch')) mountLanguageSwitch(header);
  onLocaleChange(() => {
    translateDocument();
    render?.();
  });
}
