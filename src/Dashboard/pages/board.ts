// The live board, in two forms:
// - `/board?community={id}` (default: the token's scope) — a community's dispatchers: every open
//   case as columns by status or as one list, with filters and search; its level and deadline
//   countdown; the duty roster as drop targets to assign by dragging a card (or the card's form,
//   by keyboard); change the mode, merge a likely duplicate, escalate; convene a 7+X
//   consultation; KPI tiles and charts that move live; an alert when a deadline is breached.
// - `/board?scope={subdistrict|department|county id}` — that level's officials: the cases
//   escalated to them; resolve, hand back, escalate; an alert when a case is escalated here.
// This file wires the panels in pages/board/ to the store; every text comes from
// locales/{zh,en}/board.json.
import type { CaseActionRoute } from '../lib/api';
import { unlockAudioOnGesture } from '../lib/beep';
import { watchPoison } from '../lib/board-intake';
import { CaseActions } from '../lib/case-actions';
import { batched } from '../lib/coalesce';
import { byId, h, setMessage } from '../lib/dom';
import { Drafts } from '../lib/forms';
import { locale, onLocaleChange, t, translateDocument } from '../lib/i18n';
import { StaffSession } from '../lib/session';
import { startDeadlineTicker } from '../lib/ticker';
import type { CaseView } from '../lib/types';
import { Alerts } from './board/alerts';
import { tx, type Board } from './board/board';
import { Cards } from './board/cards';
import { Columns } from './board/columns';
import { Filters, rememberedView } from './board/filters';
import { Kpis } from './board/kpis';
import { MapView } from './map/map-view';
import { LiveSync } from './board/live';
import { Meeting } from './board/meeting';
import { BoardNames, boardPlace } from './board/place';
import { Roster } from './board/roster';
import { BoardStore } from './board/store';
import { Surges } from './board/surge';

const pageMessage = byId<HTMLParagraphElement>('page-message');
const boardSection = byId<HTMLElement>('board-section');
const casesRoot = byId('columns').parentElement as HTMLElement;

const session = new StaffSession({
  expiredKey: 'board.expired', signin: byId('signin'), section: boardSection, connectionState: byId('connection-state'), pageMessage,
});
const place = boardPlace(window.location.search, session.current?.claims ?? null);
const store = new BoardStore(place);
store.view = rememberedView();
const scheduleRender = batched(render);
const names = new BoardNames(() => {
  renderTitle();
  filters.renderOptions();
  scheduleRender();
});
const drafts = new Drafts();
const actions = new CaseActions({
  session, drafts, messages: store.messages,
  known: (caseId) => store.cases.get(caseId),
  done: actionDone,
  changed: (caseId) => { cards.forget(caseId); scheduleRender(); },
  reread: (caseId) => void live.fetchCase(caseId),
});
const board: Board = { place, store, names, session, actions, scheduleRender };
const cards = new Cards(board, casesRoot, drafts);
const columns: Columns = new Columns(board, cards, casesRoot, (): boolean => mapView.shown);
const mapView: MapView = new MapView({
  cases: () => columns.shown(),
  communities: () => (place.kind === 'community' ? [place.communityId] : [...new Set([...store.cases.values()].map((c) => c.communityId))]),
  names,
  card: (c) => cards.card(c),
  switched: () => render(),
}, byId('view-toggle'), byId('columns'));
const roster = new Roster(board, cards);
const filters = new Filters(board, render);
const kpis = new Kpis(board);
const alerts = new Alerts(board);
const meeting = new Meeting(board);
const surges = new Surges(board, (alert, topic) => meeting.suggest(alert.caseIds, topic));
const poison = session.current ? watchPoison(byId('poison-warning'), () => session.token) : null;
session.onEnd(() => poison?.stop());
const live = new LiveSync(board, boardSection, pageMessage, {
  snapshotTaken: () => alerts.takeBaseline(),
  alert: (kind, caseId, key) => alerts.raise(kind, caseId, key),
  metrics: (summary) => kpis.receive(summary),
  surge: (alert) => surges.receive(alert),
  reconnected: () => Promise.all([kpis.load(), poison?.refresh(), surges.load()]),
});
store.changed = scheduleRender;
store.arrivalCounted = () => kpis.schedulePerHour();

session.mountHeader();
translateDocument();
onLocaleChange(() => {
  translateDocument();
  renderTitle();
  filters.renderOptions();
  filters.renderViewToggle();
  mapView.renderTexts();
  kpis.render();
  alerts.render();
  surges.render();
  render();
});

if (session.current) void init();

async function init(): Promise<void> {
  if (place.kind === 'community' && !place.communityId) {
    setMessage(pageMessage, tx('noCommunity'), 'error');
    return;
  }
  document.body.dataset['board'] = place.kind;
  if (place.kind === 'scope') {
    document.body.dataset['scopeId'] = place.scopeId;
    boardSection.dataset['scopeId'] = place.scopeId;
    for (const id of ['roster-section', 'convene-section', 'kpi-section', 'kpi-chart-box']) byId(id).hidden = true;
  } else {
    document.body.dataset['communityId'] = place.communityId;
    boardSection.dataset['communityId'] = place.communityId;
    roster.listen(casesRoot);
    meeting.listen();
  }
  actions.listen(casesRoot, {
    click: (button) => {
      const into = button.dataset['intoCaseId'];
      return button.dataset['action'] === 'merge' && into
        ? { action: 'merge', body: { intoCaseId: into }, confirm: tx('confirmMerge', { into }) } : null;
    },
  });
  filters.listen();
  alerts.start();
  surges.listen();
  unlockAudioOnGesture();
  startDeadlineTicker();
  kpis.start();

  setMessage(pageMessage, tx('loading'));
  if (place.kind === 'community') await names.of(place.communityId).load(place.communityId);
  renderTitle();
  filters.renderOptions();
  filters.renderViewToggle();
  kpis.render();
  await Promise.all([live.refresh(), kpis.load()]);
  if (pageMessage.textContent === tx('loading')) setMessage(pageMessage, null);
  poison?.start();
  live.start();
}

/** The server took an action: show the case it answered, and say so on its card or, if it left, above the board. */
function actionDone(caseId: string, action: CaseActionRoute, result: CaseView): void {
  cards.folds.delete(`${caseId}:actions`);
  const text = tx(`done.${action}`);
  if (store.takeResult(result)) {
    store.messages.set(caseId, { text, kind: 'ok' });
  } else {
    store.messages.delete(caseId);
    setMessage(pageMessage, tx('done.elsewhere', { what: text, caseId }), 'ok');
  }
}

function render(): void {
  columns.render();
  mapView.render();
  if (place.kind === 'community') {
    roster.render();
    meeting.renderCases();
  }
  filters.renderOptions();
  kpis.renderPerHour();
}

function renderTitle(): void {
  const title = byId('board-title');
  if (place.kind === 'scope') {
    title.textContent = tx('scopeHeading', { scope: place.scopeId });
    document.title = `${tx('scopeHeading', { scope: place.scopeId })} — ${t('common.appName')}`;
    return;
  }
  const n = names.of(place.communityId);
  const name = (locale() === 'en' ? n.nameEn : n.name) ?? n.name ?? place.communityId;
  title.replaceChildren(name, ' ', h('small', { class: 'muted' }, tx('heading')));
  document.title = `${tx('heading')} — ${name}`;
}
