// /official — the page of an official above the community: a sub-district's official (街道), a
// county department's liaison (部门) or a county leader (县领导). Their level comes from
// GET /api/v1/levels/mine. The page shows their level's queue live (the board's cards and live
// sync, over the hub's WatchScope) with take, resolve, hand back and escalate; their video-petition
// inbox; KPIs of their scope by level, department and community; and a link to their meetings.
// Every text comes from locales/{zh,en}/official.json (the cards' from board.json).
import { describeError } from '../lib/api';
import { unlockAudioOnGesture } from '../lib/beep';
import { CaseActions } from '../lib/case-actions';
import { batched } from '../lib/coalesce';
import { byId, setMessage } from '../lib/dom';
import { Drafts } from '../lib/forms';
import { onLocaleChange, t, translateDocument } from '../lib/i18n';
import { levelText } from '../lib/labels';
import { getMyLevel, type MyLevel } from '../lib/official-api';
import { StaffSession } from '../lib/session';
import { startDeadlineTicker } from '../lib/ticker';
import type { CaseActionRoute } from '../lib/api';
import type { CaseView } from '../lib/types';
import { tx } from './board/board';
import { LiveSync } from './board/live';
import { BoardNames, type BoardPlace } from './board/place';
import { BoardStore } from './board/store';
import { Surges } from './board/surge';
import { ox, type Official } from './official/context';
import { LevelKpis } from './official/kpis';
import { Petitions } from './official/petitions';
import { Queue } from './official/queue';
import { MapView } from './map/map-view';

/** How long after the last push the KPIs are read again. */
const KPI_DELAY_MS = 3_000;

const pageMessage = byId<HTMLParagraphElement>('page-message');
const section = byId<HTMLElement>('official-section');
const session = new StaffSession({
  expiredKey: 'official.expired', signin: byId('signin'), section, connectionState: byId('connection-state'), pageMessage,
});

session.mountHeader();
translateDocument();
if (session.current) void init();

async function init(): Promise<void> {
  setMessage(pageMessage, ox('loading'));
  let level: MyLevel;
  try {
    level = await getMyLevel(session.token);
  } catch (err) {
    if (!session.handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
    return;
  }
  if (level.level === 'community') {
    // A community's staff work on the board or the cadre page, not here.
    window.location.replace(session.current?.claims.role === 'cadre' ? '/cadre' : '/board');
    return;
  }
  start(level);
}

function start(level: MyLevel): void {
  const claims = session.current?.claims ?? { role: '', scope: '' };
  const place: BoardPlace = { kind: 'scope', scopeId: level.ownerId, communityId: '', viewer: { role: claims.role, scope: claims.scope } };
  const store = new BoardStore(place);
  const render = batched(() => {
    queue.render();
    mapView.render();
    petitions.render();
    surges?.render();
  });
  const names = new BoardNames(render);
  const drafts = new Drafts();
  const actions = new CaseActions({
    session, drafts, messages: store.messages,
    known: (caseId) => store.cases.get(caseId),
    done: (caseId: string, action: CaseActionRoute, result: CaseView) => {
      queue.cards.folds.delete(`${caseId}:actions`);
      const text = tx(`done.${action}`);
      if (store.takeResult(result)) store.messages.set(caseId, { text, kind: 'ok' });
      else setMessage(pageMessage, tx('done.elsewhere', { what: text, caseId }), 'ok');
    },
    changed: (caseId) => { queue.cards.forget(caseId); render(); },
    reread: (caseId) => void live.fetchCase(caseId),
  });
  const official: Official = { place, store, names, session, actions, level, scheduleRender: render };
  const queue: Queue = new Queue(official, section, drafts, (): boolean => mapView.shown);
  // The officials' level spans communities: outline each community its cases are in.
  const mapView: MapView = new MapView({
    cases: () => queue.open(),
    communities: () => [...new Set(queue.open().map((c) => c.communityId))],
    names,
    card: (c) => queue.cards.card(c),
    switched: () => render(),
  }, byId('queue-empty'), byId('official-queue'));
  const petitions = new Petitions(official);
  const kpis = new LevelKpis(official);
  // Early warnings: pushed live to a sub-district's officials, listed for the county; a department has none of its own.
  const surges = level.level === 'department' ? null : new Surges(official, () => undefined);
  const live = new LiveSync(official, section, pageMessage, {
    snapshotTaken: () => undefined,
    alert: () => undefined,
    surge: (alert) => surges?.receive(alert),
    metrics: () => undefined,
    reconnected: () => Promise.all([kpis.load(), petitions.load(), surges?.load()]),
    updated: (update) => {
      if (update.event.type.startsWith('videoPetition')) void petitions.load();
      kpisLater();
    },
  });
  store.changed = render;
  // The KPIs follow the cases: read again a little after the pushes stop.
  let kpiTimer = 0;
  const kpisLater = (): void => {
    window.clearTimeout(kpiTimer);
    kpiTimer = window.setTimeout(() => void kpis.load(), KPI_DELAY_MS);
  };

  document.body.dataset['level'] = level.level;
  document.body.dataset['scopeId'] = level.ownerId;
  const title = (): void => {
    const heading = ox('levelHeading', { level: levelText(level.level), owner: level.ownerId });
    byId('official-title').textContent = heading;
    document.title = `${heading} — ${t('common.appName')}`;
  };
  title();
  onLocaleChange(() => {
    translateDocument();
    title();
    mapView.renderTexts();
    kpis.render();
    // An action's outcome was said in the other language: drop it rather than show it so.
    store.messages.clear();
    for (const id of store.cases.keys()) queue.cards.forget(id);
    render();
  });
  actions.listen(section);
  unlockAudioOnGesture();
  startDeadlineTicker();
  setMessage(pageMessage, null);
  live.start();
}
