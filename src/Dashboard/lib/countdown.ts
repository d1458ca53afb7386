// Remaining time of a deadline as words in the chosen language and a colour state. Pure apart
// from the current language: no DOM, the clock is passed in.
//
//   countdown('2026-11-27T10:00:00Z', Date.parse('2026-11-27T08:40:00Z'))
//     → { text: '还剩 1小时20分' (zh) / '1 h 20 min left' (en), state: 'amber', … }
//
// State: `red` once the deadline has passed; `amber` when less than 1 h is left or less than
// 25 % of the window (window start → deadline) is left; otherwise `ok`.

import { t } from './i18n';

export type CountdownState = 'ok' | 'amber' | 'red';

export interface Countdown {
  state: CountdownState;
  overdue: boolean;
  /** Deadline minus now, in ms (negative when overdue). */
  remainingMs: number;
  /** In the current language: "还剩 1小时20分" / "已超时 12 分", "1 h 20 min left" / "12 min overdue". */
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
 * A duration in words in the current language, rounded down to what matters: seconds under a
 * minute, minutes under an hour, hours and minutes under a day, then days and hours.
 */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  if (seconds < 60) return t('labels.duration.s', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('labels.duration.m', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const m = minutes % 60;
    return m === 0 ? t('labels.duration.h', { h: hours }) : t('labels.duration.hm', { h: hours, m });
  }
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? t('labels.duration.d', { d: days }) : t('labels.duration.dh', { d: days, h });
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
  const text = t(overdue ? 'labels.countdown.overdue' : 'labels.countdown.left', { time: formatDuration(remainingMs) });
  return { state: countdownState(remainingMs, windowMs), overdue, remainingMs, text };
}
