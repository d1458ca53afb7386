import { afterEach, describe, expect, it, vi } from 'vitest';
import { beep, hasBeenActive } from '../lib/beep';

describe('the alert on a new assignment', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not vibrate before the person has tapped the page (Chromium would block it and log an error)', () => {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal('navigator', { vibrate, userActivation: { hasBeenActive: false, isActive: false } });
    beep();
    expect(vibrate).not.toHaveBeenCalled();
  });

  it('vibrates once they have', () => {
    const vibrate = vi.fn(() => true);
    vi.stubGlobal('navigator', { vibrate, userActivation: { hasBeenActive: true, isActive: false } });
    beep();
    expect(vibrate).toHaveBeenCalledOnce();
  });

  it('counts a browser that cannot tell as not yet tapped', () => {
    expect(hasBeenActive({} as Navigator)).toBe(false);
  });
});
