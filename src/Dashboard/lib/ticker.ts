// Deadline countdowns in the page, updated every second. Every element made by `deadlineEl`
// carries its deadline in data attributes; one timer updates them all (including those in
// cached cards), so re-rendering is never needed just because time passes.
import { countdown } from './countdown';
import type { RelevantDeadline } from './deadlines';
import { formatTime, h } from './dom';
import { deadlineText } from './labels';

const SELECTOR = '.deadline[data-deadline-at]';

/**
 * `<span class="deadline" data-deadline-kind data-deadline-at data-state>` with what the deadline
 * is for and the time left; an empty, hidden span when there is none.
 */
export function deadlineEl(deadline: RelevantDeadline | null, options: { resident?: boolean; id?: string } = {}): HTMLElement {
  if (!deadline) return h('span', { class: 'deadline', id: options.id, 'data-state': 'none', hidden: true });
  const label = deadlineText(deadline.kind, options.resident ?? false);
  const el = h('span', {
    class: 'deadline', id: options.id,
    'data-deadline-kind': deadline.kind,
    'data-deadline-at': deadline.at,
    'data-window-start': deadline.windowStart ?? '',
    title: `${label}: ${formatTime(deadline.at)}`,
  },
    h('span', { class: 'deadline-kind' }, label),
    ' ',
    h('time', { class: 'deadline-at', datetime: deadline.at }, formatTime(deadline.at)),
    ' ',
    h('span', { class: 'deadline-left', role: 'timer' }),
  );
  updateDeadline(el, Date.now());
  return el;
}

/** Refresh one countdown: its words, its `data-state`, and `data-deadline-state` on its case. */
export function updateDeadline(el: HTMLElement, now: number): void {
  const at = el.dataset['deadlineAt'];
  if (!at) return;
  const c = countdown(at, now, el.dataset['windowStart'] || null);
  if (!c) return;
  const left = el.querySelector<HTMLElement>('.deadline-left');
  if (left && left.textContent !== c.text) left.textContent = c.text;
  if (el.dataset['state'] !== c.state) el.dataset['state'] = c.state;
  const owner = el.closest<HTMLElement>('[data-case-id]');
  if (owner && owner.dataset['deadlineState'] !== c.state) owner.dataset['deadlineState'] = c.state;
}

let timer: number | undefined;

/** Start the one-second tick (idempotent). */
export function startDeadlineTicker(): void {
  if (timer !== undefined) return;
  const tick = (): void => {
    const now = Date.now();
    document.querySelectorAll<HTMLElement>(SELECTOR).forEach((el) => updateDeadline(el, now));
  };
  tick();
  timer = window.setInterval(tick, 1_000);
}
