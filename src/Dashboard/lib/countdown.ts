// Remaining time of a deadline as words and a colour state. Pure: no DOM, the clock is passed in.
//
//   countdown('2026-11-27T10:00:00Z', Date.parse('2026-11-27T08:40:00Z'))
//     → { text: '还剩 1小时20分 · 1 h 20 min left', state: 'amber', … }
//
// State: `red` once the deadline has passed; `amber` when less than 1 h is left or less than
// 25 % of the window (window start → deadline) is left; otherwise `ok`.

export type CountdownState = 'ok' | 'amber' | 'red';

export interface Countdown {
  state: CountdownState;
  overdue: boolean;
  /** Deadline minus now, in ms (negative when overdue). */
  remainingMs: number;
  /** "还剩 1小时20分" / "已超时 12 分" */
  zh: string;
  /** "1 h 20 min left" / "12 min overdue" */
  en: string;
  /** `${zh} · ${en}` */
  text: string;
}

export const AMBER_FRACTION = 0.25;
export const AMBER_WITHIN_MS = 60 * 60 * 1000;

type Instant = string | number | Date;

/** Milliseconds since the epoch, or NaN when the value does not parse. */
export function toMs(value: Instant | null | undefined): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return value.getTime();
  return Date.parse(value);
}

/**
 * A duration in words, rounded down to what matters: seconds under a minute, minutes under an
 * hour, hours and minutes under a day, then days and hours.
 */
export function formatDuration(ms: number): { zh: string; en: string } {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds} s` };
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return { zh: `${minutes} 分`, en: `${minutes} min` };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m === 0
      ? { zh: `${hours}小时`, en: `${hours} h` }
      : { zh: `${hours}小时${m}分`, en: `${hours} h ${m} min` };
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0
    ? { zh: `${days}天`, en: `${days} d` }
    : { zh: `${days}天${h}小时`, en: `${days} d ${h} h` };
}

/** The colour of a deadline with `remainingMs` left of a window of `windowMs` (NaN when unknown). */
export function countdownState(remainingMs: number, windowMs: number = Number.NaN): CountdownState {
  if (remainingMs <= 0) return 'red';
  if (remainingMs < AMBER_WITHIN_MS) return 'amber';
  if (Number.isFinite(windowMs) && windowMs > 0 && remainingMs < windowMs * AMBER_FRACTION) return 'amber';
  return 'ok';
}

/**
 * The countdown to `deadline` at `now`. `windowStart` (when the clock started) lets the 25 %
 * rule apply; without it only the 1 h rule does. Null when the deadline does not parse.
 */
export function countdown(deadline: Instant, now: Instant, windowStart?: Instant | null): Countdown | null {
  const end = toMs(deadline);
  const at = toMs(now);
  if (!Number.isFinite(end) || !Number.isFinite(at)) return null;
  const start = toMs(windowStart);
  const windowMs = Number.isFinite(start) && start < end ? end - start : Number.NaN;
  const remainingMs = end - at;
  const overdue = remainingMs <= 0;
  const d = formatDuration(remainingMs);
  const zh = overdue ? `已超时 ${d.zh}` : `还剩 ${d.zh}`;
  const en = overdue ? `${d.en} overdue` : `${d.en} left`;
  return { state: countdownState(remainingMs, windowMs), overdue, remainingMs, zh, en, text: `${zh} · ${en}` };
}
