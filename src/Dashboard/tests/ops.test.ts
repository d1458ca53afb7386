import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { openOrleansDashboard, type OpsDeps } from '../pages/admin/ops';

function recordingTab(calls: string[]) {
  return { go: (url: string) => void calls.push(`go ${url}`), close: () => void calls.push('close') };
}

describe('opening the Orleans Dashboard from the admin page', () => {
  it('opens the tab on the click, before the ticket is asked for, then sends it where the gateway says', async () => {
    const calls: string[] = [];
    const deps: OpsDeps = {
      ticket: async (token) => {
        calls.push(`ticket ${token}`);
        return { orleansDashboard: '/ops/orleans/' };
      },
      openTab: () => {
        calls.push('open tab');
        return recordingTab(calls);
      },
    };

    const opening = openOrleansDashboard('admin-token', deps);
    // Still within the click's handling: a popup blocker lets only this window.open through.
    expect(calls).toEqual(['open tab', 'ticket admin-token']);
    await opening;

    expect(calls).toEqual(['open tab', 'ticket admin-token', 'go /ops/orleans/']);
  });

  it('closes the tab again when the ticket is refused', async () => {
    const calls: string[] = [];
    const deps: OpsDeps = {
      ticket: () => Promise.reject(new ApiError(403, null, 'forbidden')),
      openTab: () => recordingTab(calls),
    };

    await expect(openOrleansDashboard('cadre-token', deps)).rejects.toBeInstanceOf(ApiError);
    expect(calls).toEqual(['close']);
  });

  it('asks for no ticket when the browser blocked the tab', async () => {
    const calls: string[] = [];
    const deps: OpsDeps = {
      ticket: async () => {
        calls.push('ticket');
        return { orleansDashboard: '/ops/orleans/' };
      },
      openTab: () => null,
    };

    await expect(openOrleansDashboard('admin-token', deps)).rejects.toThrow('blocked');
    expect(calls).toEqual([]);
  });
});
