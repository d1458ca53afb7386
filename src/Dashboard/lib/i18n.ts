// Languages: Chinese (default) and English, switchable on every page. Every text a person reads comes
// from the resource files in ../locales/{zh,en}/{namespace}.json, looked up as `namespace.key`.
// Dates and times are formatted for the chosen language.

export type Locale = 'zh' | 'en';

export const LOCALES: readonly Locale[] = ['zh', 'en'];

const STORAGE_KEY = 'gongzhi.locale';

type Messages = Record<string, string>;

// Every resource file, bundled: `../locales/zh/board.json` → zh["board.title"] …
const files = import.meta.glob<{ default: Messages }>('../locales/*/*.json', { eager: true });

const catalogs: Record<Locale, Messages> = { zh: {}, en: {} };
for (const [path, module] of Object.entries(files)) {
  const match = /locales\/(zh|en)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lang, namespace] = match as unknown as [string, Locale, string];
  for (const [key, text] of Object.entries(module.default)) catalogs[lang][`${namespace}.${key}`] = text;
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh' || stored === 'en') return stored;
  const query = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  return query === 'en' ? 'en' : 'zh';
}

export function locale(): Locale {
  return current;
}

/** Switches the language, remembers it, and tells every listener to render again. */
export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* private mode: the choice lasts for the page */ }
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(next);
  for (const listener of listeners) listener();
}

/** Runs `render` now and after every language switch. */
export function onLocaleChange(render: () => void): () => void {
  listeners.add(render);
  return () => listeners.delete(render);
}

/**
 * The text of `key` (`namespace.key`) in the current language, `{name}` placeholders filled from
 * `params`. Falls back to Chinese, then to the key itself, so a missing text shows and is found.
 */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = catalogs[current][key] ?? catalogs.zh[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** Whether a key exists in both languages (for tests and checks). */
export function hasText(key: string): boolean {
  return key in catalogs.zh && key in catalogs.en;
}

/** Every key of one language, for the completeness check. */
export function keys(lang: Locale): string[] {
  return Object.keys(catalogs[lang]);
}

export function htmlLang(lang: Locale = current): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** A date and time as people of the chosen language write it. */
export function formatDateTime(value: string | Date | null | undefined, options?: Intl.DateTimeFormatOptions): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(htmlLang(), options ?? { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** Fills every element carrying `data-i18n="namespace.key"` (text) or `data-i18n-{attr}` (attribute). */
export function translateDocument(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    el.textContent = t(el.dataset['i18n'] ?? '');
  }
  for (const attr of ['placeholder', 'aria-label', 'title', 'alt']) {
    const dataKey = `i18n${attr.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`))) {
      el.setAttribute(attr, t(el.dataset[dataKey] ?? ''));
    }
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = htmlLang();
    const title = document.querySelector<HTMLElement>('title[data-i18n]');
    if (title) document.title = t(title.dataset['i18n'] ?? '');
  }
}

/** The language switch every page shows: a button naming the other language, keyboard- and reader-friendly. */
export function mountLanguageSwitch(host: HTMLElement): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'language-switch';
  button.className = 'language-switch';
  const render = (): void => {
    const other: Locale = current === 'zh' ? 'en' : 'zh';
    button.textContent = t(`common.switchTo.${other}`);
    button.lang = htmlLang(other);
    button.setAttribute('aria-label', t('common.switchLanguage'));
    button.dataset['locale'] = current;
  };
  button.addEventListener('click', () => setLocale(current === 'zh' ? 'en' : 'zh'));
  onLocaleChange(render);
  render();
  host.append(button);
  return button;
}
