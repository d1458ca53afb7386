import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { PoisonWatch, poisonWarning, type PoisonReport } from '../lib/board-intake';
import { setLocale } from '../lib/i18n';

const report = (count: number): PoisonReport => ({ count, entries: [] });

describe('the poison queue warning on the board', () => {
  afterEach(() => setLocale('zh'));

  it('says nothing at zero and names the count above it, in the chosen language', () => {
    expect(poisonWarning(0)).toBeNull();
    expect(poisonWarning(null)).toBeNull();
    expect(poisonWarning(3)).toContain('3');
    setLocale('en');
    expect(poisonWarning(3)).toContain('poison queue');
  });

  it('shows the count, keeps it through a network failure and hides it once the queue is empty', async () => {
    const el = document.createElement('p');
    const load = vi.fn<() => Promise<PoisonReport>>()
      .mockResolvedValueOnce(report(2))
      .mockRejectedValueOnce(new ApiError(0, null))
      .mockResolvedValueOnce(report(0));
    const watch = new PoisonWatch(el, load);

    await watch.refresh();
    expect(el.hidden).toBe(false);
    expect(el.dataset['poisonCount']).toBe('2');
    await watch.refresh();
    expect(el.hidden).toBe(false);
    expect(el.textContent).toContain('2');
    await watch.refresh();
    expect(el.hidden).toBe(true);
  });

  it('stops asking once the viewer is refused', async () => {
    const el = document.createElement('p');
    const load = vi.fn<() => Promise<PoisonReport>>().mockRejectedValue(new ApiError(403, null));
    const watch = new PoisonWatch(el, load);

    await watch.refresh();
    await watch.refresh();

    expect(load).toHaveBeenCalledTimes(1);
    expect(el.hidden).toBe(true);
  });

  it('polls every 30 seconds once started', async () => {
    vi.useFakeTimers();
    try {
      const load = vi.fn<() => Promise<PoisonReport>>().mockResolvedValue(report(1));
      const watch = new PoisonWatch(document.createElement('p'), load);
      watch.start();
      expect(load).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(30_000);
      expect(load).toHaveBeenCalledTimes(2);
      watch.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
