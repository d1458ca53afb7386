// The operators' tools an admin opens from this page: the Orleans Dashboard, which the gateway
// serves at /ops/orleans/ to admins only. A new tab's navigation carries no bearer token, so the
// page first asks for the ops ticket (an HttpOnly cookie for /ops only), then opens the tab.
import { describeError } from '../../lib/api';
import { requestOpsTicket } from '../../lib/admin-api';
import { byId, setMessage } from '../../lib/dom';
import { tx, type AdminContext } from './context';

export interface OpsDeps {
  ticket: (token: string) => Promise<{ orleansDashboard: string }>;
  open: (url: string) => void;
}

const browserDeps: OpsDeps = {
  ticket: requestOpsTicket,
  open: (url) => void window.open(url, '_blank', 'noopener'),
};

/** Takes the ticket, then opens the dashboard where the gateway says it is; a refused ticket opens nothing. */
export async function openOrleansDashboard(token: string, deps: OpsDeps = browserDeps): Promise<void> {
  const { orleansDashboard } = await deps.ticket(token);
  deps.open(orleansDashboard);
}

export class OpsPanel {
  private readonly message = byId('ops-message');

  constructor(private readonly ctx: AdminContext, private readonly deps: OpsDeps = browserDeps) {
    byId<HTMLButtonElement>('orleans-dashboard').addEventListener('click', () => void this.open());
  }

  private async open(): Promise<void> {
    setMessage(this.message, null);
    try {
      await openOrleansDashboard(this.ctx.session.token, this.deps);
    } catch (err) {
      if (!this.ctx.session.handleAuthError(err)) setMessage(this.message, `${tx('ops.failed')} ${describeError(err)}`, 'error');
    }
  }
}
