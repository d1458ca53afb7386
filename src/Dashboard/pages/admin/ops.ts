// The operators' tools an admin opens from this page: the Orleans Dashboard, which the gateway
// serves at /ops/orleans/ to admins only. A new tab's navigation carries no bearer token, so the
// page first asks for the ops ticket (an HttpOnly cookie for /ops only), then sends the tab there.
// The tab is opened on the click itself, before the ticket's request: popup blockers allow a
// window.open only while the click is being handled, not after an await.
import { describeError } from '../../lib/api';
import { requestOpsTicket } from '../../lib/admin-api';
import { byId, setMessage } from '../../lib/dom';
import { tx, type AdminContext } from './context';

/** A tab opened empty, to be sent where the gateway says once the ticket is there. */
export interface OpsTab {
  go: (url: string) => void;
  close: () => void;
}

export interface OpsDeps {
  ticket: (token: string) => Promise<{ orleansDashboard: string }>;
  /** Opens an empty tab at once; null when the browser refused it. */
  openTab: () => OpsTab | null;
}

const browserDeps: OpsDeps = {
  ticket: requestOpsTicket,
  openTab: () => {
    // Not 'noopener' in the features: window.open then returns null and the tab cannot be sent anywhere.
    // Cutting the opener right away gives the dashboard's page the same separation.
    const tab = window.open('', '_blank');
    if (!tab) return null;
    tab.opener = null;
    return { go: (url) => tab.location.assign(url), close: () => tab.close() };
  },
};

/**
 * Opens the tab at once, takes the ticket, then sends the tab to the dashboard where the gateway
 * says it is; a refused ticket closes the tab again.
 */
export async function openOrleansDashboard(token: string, deps: OpsDeps = browserDeps): Promise<void> {
  const tab = deps.openTab();
  if (!tab) throw new Error('the browser blocked the new tab');
  try {
    const { orleansDashboard } = await deps.ticket(token);
    tab.go(orleansDashboard);
  } catch (err) {
    tab.close();
    throw err;
  }
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
