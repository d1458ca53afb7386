import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { openOrleansDashboard, type OpsDeps } from '../pages/admin/ops';

describe('opening the Orleans Dashboard from the admin page', () => {
  it('takes the ops ticket with the admin’s token first, then opens the dashboard where the gateway says', async () => {
    const calls: string[] = [];
    const deps: OpsDeps = {
      ticket: async (token) => {
        calls.push(`ticket ${token}`);
        return { orleansDashboard: '/ops/orleans/' };
      },
      open: (url) => calls.push(`open ${url}`),
    };

    await openOrleansDashboard('admin-token', deps);

    expect(calls).toEqual(['ticket admin-token', 'open /ops/orleans/']);
  });

  it('opens nothing when the ticket is refused', async () => {
    const opened: string[] = [];
    const deps: OpsDeps = {
      ticket: () => Promise.reject(new ApiError(403, null, 'forbidden')),
      open: (url) => opened.push(url),
    };

    await expect(openOrleansDashboard('cadre-token', deps)).rejects.toBeInstanceOf(ApiError);
    expect(opened).toEqual([]);
  });
});
