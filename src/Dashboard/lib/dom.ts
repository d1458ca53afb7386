// Tiny DOM helpers. All user text goes through text nodes, never innerHTML.
import { formatDateTime } from './i18n';

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Create an element: `h('p', { class: 'x', 'data-id': 1 }, 'text', other)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replace all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** `document.getElementById` that fails loudly when the page is missing an element. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Missing element #${id}`);
  return el as T;
}

/** A short local time in the chosen language's form, e.g. "11/27 14:05"; the raw text when it does not parse. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatDateTime(iso, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }) || iso;
}

/** A `<time>` element with a machine-readable datetime. */
export function timeEl(iso: string | null | undefined): HTMLTimeElement {
  return h('time', { datetime: iso ?? '' }, formatTime(iso));
}

/** True when `iso` falls on the same local calendar day as `now`. */
export function isSameLocalDay(iso: string, now: Date = new Date()): boolean {
  const date = new Date(iso);
  return !Number.isNaN(date.getTime())
    && date.getFullYear() === now.getFullYear()
    && date.getMonth() === now.getMonth()
    && date.getDate() === now.getDate();
}

/** Show a status line (role=status, polite) or an alert (role=alert). */
export function setMessage(el: HTMLElement, text: string | null, kind: 'info' | 'error' | 'ok' = 'info'): void {
  el.textContent = text ?? '';
  el.hidden = !text;
  el.dataset['kind'] = kind;
}

/**
 * Make `parent`'s children exactly `desired`, in order, moving only what is out of place, so a
 * node that stays put keeps its focus, selection and half-typed input.
 */
export function reconcileChildren(parent: Element, desired: readonly Node[]): void {
  desired.forEach((node, i) => {
    const current = parent.childNodes[i] ?? null;
    if (current !== node) parent.insertBefore(node, current);
  });
  while (parent.childNodes.length > desired.length) parent.lastChild?.remove();
}

/** The id of the focused element inside `root`, to give focus back after a re-render. */
export function focusedId(root: Element): string | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active.id && root.contains(active) ? active.id : null;
}

/** Focus the element with `id` again if a re-render dropped the focus to the body. */
export function restoreFocus(id: string | null): void {
  if (!id) return;
  if (document.activeElement && document.activeElement !== document.body) return;
  document.getElementById(id)?.focus({ preventScroll: true });
}
