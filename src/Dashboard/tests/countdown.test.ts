import { afterEach, describe, expect, it } from 'vitest';
import { countdown, countdownState } from '../lib/countdown';
import { setLocale } from '../lib/i18n';

const deadline = '2026-11-27T10:00:00Z';
const at = (iso: string): number => Date.parse(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;

afterEach(() => setLocale('zh'));

describe('countdown words', () => {
  it('says the time left in Chinese, then in English after a switch', () => {
    expect(countdown(deadline, at('2026-11-27T08:40:00Z'))?.text).toBe('还剩 1小时20分');
    setLocale('en');
    expect(countdown(deadline, at('2026-11-27T08:40:00Z'))?.text).toBe('1 h 20 min left');
  });

  it('says how long it is overdue once the deadline has passed', () => {
    const c = countdown(deadline, at('2026-11-27T10:12:30Z'));
    expect(c?.overdue).toBe(true);
    expect(c?.text).toBe('已超时 12 分');
    setLocale('en');
    expect(countdown(deadline, at('2026-11-27T10:12:30Z'))?.text).toBe('12 min overdue');
  });

  it('rounds to what matters: seconds, whole hours, days and hours', () => {
    expect(countdown(deadline, at('2026-11-27T09:59:15Z'))?.text).toBe('还剩 45 秒');
    expect(countdown(deadline, at('2026-11-27T07:00:00Z'))?.text).toBe('还剩 3小时');
    setLocale('en');
    expect(countdown(deadline, at('2026-11-25T08:00:00Z'))?.text).toBe('2 d 2 h left');
  });

  it('shows nothing for a deadline that does not parse', () => {
    expect(countdown('soon', Date.now())).toBeNull();
  });
});

describe('countdown colour', () => {
  it('turns red exactly at the deadline', () => {
    expect(countdown(deadline, at(deadline))?.state).toBe('red');
    expect(countdown(deadline, at(deadline) - 1000)?.state).toBe('amber');
  });

  it('turns amber under one hour left, not at one hour', () => {
    expect(countdownState(HOUR)).toBe('ok');
    expect(countdownState(HOUR - 1)).toBe('amber');
  });

  it('turns amber when under a quarter of the window is left', () => {
    const start = at(deadline) - 10 * HOUR;
    expect(countdown(deadline, at(deadline) - 2.5 * HOUR, start)?.state).toBe('ok');
    expect(countdown(deadline, at(deadline) - 2.5 * HOUR + MIN, start)?.state).toBe('amber');
    // Without a window only the one-hour rule applies.
    expect(countdown(deadline, at(deadline) - 2 * HOUR)?.state).toBe('ok');
  });
});
