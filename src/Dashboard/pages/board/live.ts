// Live sync: the board's snapshot (open cases and roster, or a level's queue), single cases read
// again when a push is not enough, and the hub's pushes into the store. Every (re)connect and
// `resync` push takes the snapshot again; a scope board also re-reads on a timer, since pushes do
// not reach the level a case left.
import { ApiError, describeError, getCase, getCommunityCases, getQueue, getRoster } from '../../lib/api';
import type { MetricsSummary } from '../../lib/board-kpi';
import { coalesce, KeyedCoalescer } from '../../lib/coalesce';
import { byId, setMessage } from '../../lib/dom';
import { startLive } from '../../lib/hub';
import type { CaseUpdated, RosterUpdated } from '../../lib/types';
import { tx, type Board } from './board';
import type { AlertKind } from './store';

/** A scope board re-reads its queue this often. */
const SCOPE_RESYNC_MS = 60_000;

export interface LiveSyncHooks {
  /** A snapshot went in (the first one sets the alerts' baseline). */
  snapshotTaken: () => void;
  alert: (kind: AlertKind, caseId: string, key: string) => void;
  metrics: (summary: MetricsSummary) => void;
  /** After a (re)connect: whatever else the board reads again (KPIs, the intake warning). */
  reconnected: () => Promise<unknown>;
  /** Every case push, after the store took it (the officials' page re-reads its video petitions on theirs). */
  updated?: (update: CaseUpdated) => void;
}

export class LiveSync {
  private readonly caseFetches = new KeyedCoalescer();

  constructor(
    private readonly board: Board,
    private readonly section: HTMLElement,
    private readonly pageMessage: HTMLElement,
    private readonly hooks: LiveSyncHooks,
  ) {}

  /** Read the whole board again (calls made meanwhile collapse into one more read). */
  readonly refresh = coalesce(async () => {
    const { place, store, session } = this.board;
    if (!session.current) return;
    const token = session.token;
    const startedAt = Date.now();
    try {
      const [open, roster] = place.kind === 'scope'
        ? [await getQueue(token, place.scopeId), null]
        : await Promise.all([getCommunityCases(token, place.communityId), getRoster(token, place.communityId)]);
      store.takeSnapshot(open, roster, startedAt);
      this.hooks.snapshotTaken();
      this.section.hidden = false;
      if (this.pageMessage.dataset['kind'] === 'error') setMessage(this.pageMessage, null);
    } catch (err) {
      this.failed(err);
    }
  });

  /** Read one case again. */
  fetchCase(caseId: string): Promise<void> {
    return this.caseFetches.run(caseId, async () => {
      const { store, session } = this.board;
      if (!session.current) return;
      try {
        store.takeCase(await getCase(session.token, caseId));
      } catch (err) {
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) store.drop(caseId);
        else this.failed(err);
      }
    });
  }

  /** Go live. Even when the first load failed on the network: every (re)connect re-fetches. */
  start(): void {
    const { place, session } = this.board;
    if (session.refused) return;
    session.attachHub(startLive({
      accessToken: () => session.token,
      connectionState: byId('connection-state'),
      on: {
        caseUpdated: (update: CaseUpdated) => this.onCaseUpdated(update),
        rosterUpdated: (entry: RosterUpdated) => this.board.store.receiveRoster(entry),
        metricsUpdated: (summary: MetricsSummary) => this.hooks.metrics(summary),
      },
      watch: (connection) => (place.kind === 'scope'
        ? connection.invoke('WatchScope', place.scopeId)
        : connection.invoke('WatchCommunity', place.communityId)),
      // After a (re)connect anything may have been missed: take the snapshot again.
      onConnected: () => Promise.all([this.refresh(), this.hooks.reconnected()]),
      onUnauthorized: () => session.expire(),
      onError: (err) => setMessage(this.pageMessage, tx('cannotWatch', { error: err instanceof Error ? err.message : String(err) }), 'error'),
    }));
    if (place.kind === 'scope') window.setInterval(() => { if (!session.refused) void this.refresh(); }, SCOPE_RESYNC_MS);
  }

  private onCaseUpdated(update: CaseUpdated): void {
    const outcome = this.board.store.receive(update);
    if (outcome.alert) this.hooks.alert(outcome.alert.kind, update.caseId, outcome.alert.key);
    if (outcome.fetch) void this.fetchCase(update.caseId);
    this.hooks.updated?.(update);
  }

  private failed(err: unknown): void {
    const { place, session } = this.board;
    if (session.handleAuthError(err)) return;
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
      session.refused = true;
      const text = place.kind === 'scope'
        ? tx(err.status === 403 ? 'noScopeRight' : 'unknownScope', { scope: place.scopeId })
        : tx(err.status === 403 ? 'noCommunityRight' : 'unknownCommunity', { community: place.communityId });
      setMessage(this.pageMessage, text, 'error');
      return;
    }
    setMessage(this.pageMessage, describeError(err), 'error');
  }
}
