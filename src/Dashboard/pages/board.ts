// The live board, in two forms:
// - `/board?community={id}` (default: the token's scope) — a community's dispatchers: every open
//   case as columns by status or as one list (#view-toggle), with filters and search; its level
//   and deadline countdown; the duty roster (on duty / busy / off, load) as drop targets to assign
//   by dragging a card (or pick from the card's form, by keyboard); change the mode, merge a likely
//   duplicate, escalate; convene a 7+X consultation; KPI tiles and charts that move live; an
//   audible and visible alert when a deadline is breached.
// - `/board?scope={subdistrict|department|county id}` — that level's officials: the cases
//   escalated to them (GET /queues/{scope}/cases, hub WatchScope); resolve, hand back, escalate;
//   an alert when a case is escalated here.
// Every action carries the case's last seq we know (`expectedSeq`). Every text comes from
// locales/{zh,en}/board.json.
import {
  ApiError, caseAction, describeError, getCase, getCommunityCases, getQueue, getRoster, request, type CaseActionRoute,
} from '../lib/api';
import { boardActions, type BoardAction, type Viewer } from '../lib/actions';
import { beep, unlockAudioOnGesture } from '../lib/beep';
import { BoardCharts } from '../lib/board-charts';
import { dropVerdict, resolveDropTarget, rosterState } from '../lib/board-drop';
import { EMPTY_FILTER, activeFilterCount, isOverdue, matchesFilter, type BoardFilter } from '../lib/board-filters';
import { KPI_TILES, formatRate, formatUpdatedAt, isNewer, type MetricsSummary } from '../lib/board-kpi';
import { ARRIVAL_EVENTS, PerHourCounter } from '../lib/board-rates';
import { coalesce, KeyedCoalescer } from '../lib/coalesce';
import { localInputToIso, toLocalInputValue } from '../lib/datetime';
import { relevantDeadline } from '../lib/deadlines';
import {
  byId, focusedId, h, isSameLocalDay, reconcileChildren, restoreFocus, setMessage,
} from '../lib/dom';
import {
  actionForm, clearErrors, Drafts, fold, showFieldErrors, submitActionForm, trackFolds, type ActionFormSpec,
} from '../lib/forms';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import { watchPoison, type PoisonWatch } from '../lib/board-intake';
import {
  formatDateTime, locale, mountLanguageSwitch, onLocaleChange, t, translateDocument,
} from '../lib/i18n';
import {
  kindText, LEVELS, levelText, MODES, modeText, statusText,
} from '../lib/labels';
import { CommunityNames } from '../lib/names';
import { renderSignIn, requireSession, signOut } from '../lib/signin';
import { SeqTracker } from '../lib/seq';
import { deadlineEl, startDeadlineTicker } from '../lib/ticker';
import { lastSeq, mergeEvents, renderTimeline } from '../lib/timeline';
import type {
  CaseActionRequest, CaseStatus, CaseUpdated, CaseView, EventType, HandlingMode, RosterEntry, RosterUpdated,
} from '../lib/types';

type Column = 'accepted' | 'assigned' | 'acknowledged' | 'resolved';
const COLUMNS: readonly Column[] = ['accepted', 'assigned', 'acknowledged', 'resolved'];
type View = 'columns' | 'list';

/** Which column a status belongs to; null means "not on the board" (closed). */
function columnFor(status: CaseStatus): Column | null {
  switch (status) {
    case 'submitted':
    case 'accepted': return 'accepted';
    case 'assigned': return 'assigned';
    case 'acknowledged': return 'acknowledged';
    case 'resolved': return 'resolved';
    default: return null;
  }
}

/** Events whose consequences are not in the push (reopen count, followers, closure): re-read the case. */
const REFETCH_ON: ReadonlySet<EventType> = new Set<EventType>(['reopened', 'rated', 'merged', 'reporterJoined', 'closedNoResponse']);

/** A scope board re-reads its queue this often: pushes do not reach the level a case left. */
const SCOPE_RESYNC_MS = 60_000;
/** Hours shown on the per-hour chart. */
const PER_HOUR_WINDOW = 12;
/** Alerts kept in the banner. */
const MAX_ALERTS = 5;

const tx = (key: string, params?: Record<string, string | number>): string => t(`board.${key}`, params);

const pageMessage = byId<HTMLParagraphElement>('page-message');
const signinSection = byId<HTMLElement>('signin');
const boardSection = byId<HTMLElement>('board-section');
const connectionState = byId<HTMLElement>('connection-state');
const rosterBody = byId<HTMLTableSectionElement>('roster-body');
const columnsEl = byId<HTMLElement>('columns');
const listSection = byId<HTMLElement>('case-list-section');
const listEl = byId<HTMLElement>('case-list');
const casesRoot = columnsEl.parentElement as HTMLElement;
const filtersForm = byId<HTMLFormElement>('filters');
const viewToggle = byId<HTMLButtonElement>('view-toggle');
const alertBanner = byId<HTMLElement>('alert-banner');
const conveneForm = byId<HTMLFormElement>('convene-form');

const session = requireSession(signinSection);
const params = new URLSearchParams(window.location.search);
const role = session?.claims.role ?? '';
const viewer: Viewer = { role, scope: session?.claims.scope ?? '' };
/** Officials of a department or the county have no community: their board is their level's queue. */
const scopeId = params.get('scope')?.trim()
  || ((role === 'department' || role === 'leader') && !params.get('community') ? viewer.scope : '');
const boardKind: 'community' | 'scope' = scopeId ? 'scope' : 'community';
const communityId = boardKind === 'community' ? params.get('community')?.trim() || viewer.scope : '';

/** Category and compound names, per community (a scope board spans several). */
const namesByCommunity = new Map<string, CommunityNames>();
const cases = new Map<string, CaseView>();
const roster = new Map<string, RosterEntry>();
const seq = new SeqTracker();
const caseFetches = new KeyedCoalescer();
/** Cases with a `resolved` event today, including ones closed since (they leave the board). */
const resolvedToday = new Set<string>();
/** When a case last changed through a live update (ms), so a slower snapshot does not drop it. */
const liveTouched = new Map<string, number>();
/** Card elements by case id, rebuilt only when their content changes. */
const cardCache = new Map<string, { signature: string; el: HTMLElement }>();
/** Folds left open, by `caseId:name`. */
const folds = new Set<string>();
const drafts = new Drafts();
/** The last outcome shown on a card, until its next action. */
const caseMessages = new Map<string, { text: string; kind: 'error' | 'ok' }>();
const flashIds = new Set<string>();
/** Cases per hour by category, since the page loaded. */
const perHour = new PerHourCounter();
/** When a live arrival event came for a case not yet fetched (counted once the case is read). */
const arrivals = new Map<string, string>();
/** Deadlines already seen breached (`caseId|at`): alert once, and not for those breached before we looked. */
const breached = new Set<string>();
let breachBaselineTaken = false;
let filter: BoardFilter = { ...EMPTY_FILTER };
let view: View = (() => {
  try { return localStorage.getItem('gongzhi.board.view') === 'list' ? 'list' : 'columns'; } catch { return 'columns'; }
})();
let metrics: MetricsSummary | null = null;
let charts: BoardCharts | null = null;
let hub: HubHandle | null = null;
let poison: PoisonWatch | null = null;
/** Set when the server refused the token or the scope: no point in going live. */
let refused = false;
let renderQueued = false;
/** The case being dragged (dataTransfer cannot be read during dragover). */
let draggingCaseId: string | null = null;
let alerts: { key: string; text: () => string; kind: string; caseId: string }[] = [];

function names(id: string): CommunityNames {
  let n = namesByCommunity.get(id);
  if (!n) {
    n = new CommunityNames();
    namesByCommunity.set(id, n);
    void n.load(id).then(() => {
      if (n?.loaded) {
        renderTitle();
        renderFilterOptions();
        scheduleRender();
      }
    });
  }
  return n;
}

const refreshAll = coalesce(async () => {
  if (!session) return;
  const startedAt = Date.now();
  try {
    const [openCases, entries] = boardKind === 'scope'
      ? [await getQueue(session.token, scopeId), null]
      : await Promise.all([getCommunityCases(session.token, communityId), getRoster(session.token, communityId)]);
    const seen = new Set<string>();
    for (const c of openCases) {
      seen.add(c.caseId);
      acceptSnapshot(c);
    }
    for (const id of [...cases.keys()]) {
      if (!seen.has(id) && (liveTouched.get(id) ?? 0) < startedAt) cases.delete(id);
    }
    if (entries) {
      roster.clear();
      for (const entry of entries) roster.set(entry.id, entry);
    }
    if (!breachBaselineTaken) {
      // Deadlines already past when the board opened are on the board in red; alert only on new ones.
      breachBaselineTaken = true;
      const now = Date.now();
      for (const c of cases.values()) {
        const d = relevantDeadline(c);
        if (d && isOverdue(c, now)) breached.add(`${c.caseId}|${d.at}`);
      }
    }
    boardSection.hidden = false;
    if (pageMessage.dataset['kind'] === 'error') setMessage(pageMessage, null);
    scheduleRender();
  } catch (err) {
    handleError(err);
  }
});

const topbarRight = byId('topbar-right');
mountLanguageSwitch(topbarRight);
topbarRight.insertBefore(byId('language-switch'), byId('signout'));
translateDocument();
onLocaleChange(() => {
  translateDocument();
  renderTitle();
  renderFilterOptions();
  renderViewToggle();
  renderKpis();
  renderAlerts();
  render();
});

if (session) void init();

async function init(): Promise<void> {
  if (!session) return;
  byId('signout').hidden = false;
  byId('signout').addEventListener('click', signOut);
  if (boardKind === 'community' && !communityId) {
    setMessage(pageMessage, tx('noCommunity'), 'error');
    return;
  }
  document.body.dataset['board'] = boardKind;
  if (boardKind === 'scope') {
    document.body.dataset['scopeId'] = scopeId;
    boardSection.dataset['scopeId'] = scopeId;
    byId('roster-section').hidden = true;
    byId('convene-section').hidden = true;
    byId('kpi-section').hidden = true;
    byId('kpi-chart-box').hidden = true;
  } else {
    document.body.dataset['communityId'] = communityId;
    boardSection.dataset['communityId'] = communityId;
  }
  trackFolds(casesRoot, folds);
  drafts.listen(casesRoot);
  casesRoot.addEventListener('submit', (event) => onSubmit(event));
  casesRoot.addEventListener('click', (event) => void onClick(event));
  setUpFilters();
  setUpDragAndDrop();
  setUpConvene();
  alertBanner.querySelector('#alert-dismiss')?.addEventListener('click', () => { alerts = []; renderAlerts(); });
  unlockAudioOnGesture();
  startDeadlineTicker();
  window.setInterval(checkDeadlines, 1_000);
  charts = new BoardCharts(boardKind === 'community' ? byId<HTMLCanvasElement>('chart-kpi') : null, byId<HTMLCanvasElement>('chart-per-hour'));
  // The per-hour chart moves on to a new hour by itself.
  window.setInterval(renderPerHour, 60_000);

  setMessage(pageMessage, tx('loading'));
  if (boardKind === 'community') await names(communityId).load(communityId);
  renderTitle();
  renderFilterOptions();
  renderViewToggle();
  renderKpis();
  await Promise.all([refreshAll(), loadMetrics()]);
  if (pageMessage.textContent === tx('loading')) setMessage(pageMessage, null);
  poison = watchPoison(byId('poison-warning'), session.token);
  poison.start();
  // Even when the first load failed on the network, go live: every (re)connect re-fetches.
  if (!refused) startLive();
  if (boardKind === 'scope') window.setInterval(() => { if (!refused) void refreshAll(); }, SCOPE_RESYNC_MS);
}

function startLive(): void {
  if (!session) return;
  const token = session.token;
  const connection = createHub(() => token);
  connection.on('caseUpdated', (update: CaseUpdated) => onCaseUpdated(update));
  connection.on('rosterUpdated', (entry: RosterUpdated) => onRosterUpdated(entry));
  connection.on('metricsUpdated', (summary: MetricsSummary) => onMetrics(summary));
  connectionState.hidden = false;
  hub = runHub(connection, {
    onStateChange: (state) => showConnectionState(connectionState, state),
    onConnected: async () => {
      if (boardKind === 'scope') await connection.invoke('WatchScope', scopeId);
      else await connection.invoke('WatchCommunity', communityId);
      // After a (re)connect anything may have been missed: take the snapshot again.
      await Promise.all([refreshAll(), loadMetrics(), poison?.refresh()]);
    },
    onUnauthorized: () => expireSession(),
    onError: (err) => setMessage(pageMessage, tx('cannotWatch', { error: err instanceof Error ? err.message : String(err) }), 'error'),
  });
}

/** A scope board holds only the cases at its level; a community board only its community's. */
function belongsHere(c: { communityId: string; levelOwnerId?: string | null }): boolean {
  return boardKind === 'scope' ? c.levelOwnerId === scopeId : !c.communityId || c.communityId === communityId;
}

function onCaseUpdated(update: CaseUpdated): void {
  const id = update.caseId;
  if (boardKind === 'community' && update.communityId && update.communityId !== communityId) return;
  if (boardKind === 'scope' && update.levelOwnerId !== undefined && update.levelOwnerId !== scopeId) {
    // Escalated further or handed back: it has left this level.
    if (cases.delete(id)) scheduleRender();
    return;
  }
  if (seq.check(id, update.seq) === 'stale') return;

  const type = update.event?.type;
  if (type === 'resolved' && isSameLocalDay(update.event.at ?? update.at)) resolvedToday.add(id);
  if (type && ARRIVAL_EVENTS.has(type) && !perHour.has(id)) arrivals.set(id, update.event.at ?? update.at);
  if (type === 'acknowledgeOverdue' || type === 'resolveOverdue') raiseAlert(type, id, `${id}|${type}|${update.seq}`);
  if (type === 'escalated' && boardKind === 'scope' && update.levelOwnerId === scopeId) raiseAlert('escalated', id, `${id}|escalated|${update.seq}`);

  const known = cases.get(id);
  if (!known) {
    // A case we have not seen (new, reopened, escalated here): the push lacks category, place, etc.
    void fetchCase(id);
    return;
  }
  if (type && ARRIVAL_EVENTS.has(type)) recordArrival(known);
  const verdict = seq.observe(id, update.seq);
  if (verdict === 'gap') {
    void fetchCase(id);
    return;
  }
  if (verdict === 'stale') return;

  liveTouched.set(id, Date.now());
  const next: CaseView = {
    ...known,
    status: update.status,
    mode: update.mode ?? known.mode,
    assignee: update.assignee ?? (update.assigneeId === null ? null : known.assignee),
    assigneeId: update.assigneeId !== undefined ? update.assigneeId : known.assigneeId,
    level: update.level ?? known.level,
    levelOwnerId: update.levelOwnerId ?? known.levelOwnerId,
    deadlines: update.deadlines ?? known.deadlines,
    timeline: update.event ? mergeEvents(known.timeline, [update.event]) : known.timeline,
  };
  upsert(next);
  if (update.event && REFETCH_ON.has(update.event.type)) void fetchCase(id);
}

/** Count a case on the per-hour chart once: at its live arrival, else at its submission. */
function recordArrival(c: CaseView): void {
  const at = arrivals.get(c.caseId) ?? c.submittedAt;
  arrivals.delete(c.caseId);
  if (perHour.record(c.caseId, c.category, at)) schedulePerHour();
}

function fetchCase(caseId: string): Promise<void> {
  return caseFetches.run(caseId, async () => {
    if (!session) return;
    try {
      const c = await getCase(session.token, caseId);
      if (!belongsHere(c)) {
        if (cases.delete(caseId)) scheduleRender();
        return;
      }
      acceptSnapshot(c);
      liveTouched.set(caseId, Date.now());
      scheduleRender();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 403)) {
        cases.delete(caseId);
        scheduleRender();
      } else {
        handleError(err);
      }
    }
  });
}

/** Take a fetched case unless live updates have already gone past it. */
function acceptSnapshot(c: CaseView): void {
  if (!seq.snapshot(c.caseId, lastSeq(c.timeline))) return;
  if (belongsHere(c) && columnFor(c.status) !== null) recordArrival(c);
  for (const event of c.timeline) {
    if (event.type === 'resolved' && isSameLocalDay(event.at)) resolvedToday.add(c.caseId);
  }
  const previous = cases.get(c.caseId);
  if (previous && previous.status !== c.status) flashIds.add(c.caseId);
  if (columnFor(c.status) === null || !belongsHere(c)) cases.delete(c.caseId);
  else cases.set(c.caseId, c);
}

function upsert(c: CaseView): void {
  const previous = cases.get(c.caseId);
  if (columnFor(c.status) === null || !belongsHere(c)) {
    cases.delete(c.caseId);
  } else {
    cases.set(c.caseId, c);
    if (!previous || previous.status !== c.status) flashIds.add(c.caseId);
  }
  scheduleRender();
}

function onRosterUpdated(entry: RosterUpdated): void {
  if (boardKind !== 'community') return;
  if (entry.communityId && entry.communityId !== communityId) return;
  const previous = roster.get(entry.id);
  if (previous?.version !== undefined && entry.version !== undefined && entry.version < previous.version) return;
  roster.set(entry.id, { ...previous, ...entry, categories: entry.categories ?? previous?.categories ?? [] });
  scheduleRender();
}

function handleError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) {
    expireSession();
    return;
  }
  if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
    refused = true;
    if (boardKind === 'scope') {
      setMessage(pageMessage, tx(err.status === 403 ? 'noScopeRight' : 'unknownScope', { scope: scopeId }), 'error');
    } else {
      setMessage(pageMessage, tx(err.status === 403 ? 'noCommunityRight' : 'unknownCommunity', { community: communityId }), 'error');
    }
    return;
  }
  setMessage(pageMessage, describeError(err), 'error');
}

function expireSession(): void {
  refused = true;
  void hub?.stop();
  hub = null;
  boardSection.hidden = true;
  connectionState.hidden = true;
  setMessage(pageMessage, null);
  renderSignIn(signinSection, 'board.expired');
}

function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  window.setTimeout(() => {
    renderQueued = false;
    render();
  }, 0);
}

function renderTitle(): void {
  const title = byId('board-title');
  if (boardKind === 'scope') {
    title.textContent = tx('scopeHeading', { scope: scopeId });
    document.title = `${tx('scopeHeading', { scope: scopeId })} — ${t('common.appName')}`;
    return;
  }
  const n = names(communityId);
  const place = (locale() === 'en' ? n.nameEn : n.name) ?? n.name ?? communityId;
  title.replaceChildren(place, ' ', h('small', { class: 'muted' }, tx('heading')));
  document.title = `${tx('heading')} — ${place}`;
}

/** Extra words to search a case by: the names people read on its card. */
function searchWords(c: CaseView): string {
  const n = names(c.communityId);
  return [n.category(c.category), n.place(c.location), c.mode ? modeText(c.mode) : ''].join(' ');
}

function render(): void {
  const now = Date.now();
  const shown = [...cases.values()].filter((c) => matchesFilter(c, filter, now, searchWords));
  const live = new Set(cases.keys());
  for (const id of [...cardCache.keys()]) if (!live.has(id)) cardCache.delete(id);
  const focus = focusedId(casesRoot);

  const byColumn: Record<Column, CaseView[]> = { accepted: [], assigned: [], acknowledged: [], resolved: [] };
  for (const c of shown) {
    const column = columnFor(c.status);
    if (column) byColumn[column].push(c);
  }
  columnsEl.hidden = view !== 'columns';
  listSection.hidden = view !== 'list';
  if (view === 'columns') {
    listEl.replaceChildren();
    for (const column of COLUMNS) {
      const list = byColumn[column].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
      const container = document.querySelector<HTMLElement>(`[data-cards-for="${column}"]`);
      if (container) reconcileChildren(container, list.map(card));
      const count = document.querySelector<HTMLElement>(`[data-count-for="${column}"]`);
      if (count) count.textContent = String(list.length);
    }
  } else {
    for (const column of COLUMNS) document.querySelector<HTMLElement>(`[data-cards-for="${column}"]`)?.replaceChildren();
    // The list: the most urgent deadline first, cases without one last.
    const deadlineOf = (c: CaseView): number => {
      const d = relevantDeadline(c);
      return d ? Date.parse(d.at) : Number.POSITIVE_INFINITY;
    };
    const list = [...shown].sort((a, b) => deadlineOf(a) - deadlineOf(b) || a.submittedAt.localeCompare(b.submittedAt));
    reconcileChildren(listEl, list.map(card));
    const count = document.querySelector<HTMLElement>('[data-count-for="list"]');
    if (count) count.textContent = String(list.length);
  }
  restoreFocus(focus);

  for (const id of flashIds) {
    const el = cardCache.get(id)?.el;
    if (el) {
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
    }
  }
  flashIds.clear();

  const all = [...cases.values()];
  const inColumn = (col: Column): number => all.filter((c) => columnFor(c.status) === col).length;
  byId('count-open').textContent = String(cases.size);
  byId('count-waiting').textContent = String(inColumn('accepted'));
  byId('count-assigned').textContent = String(inColumn('assigned'));
  byId('count-acknowledged').textContent = String(inColumn('acknowledged'));
  byId('count-resolved-today').textContent = String(resolvedToday.size);
  const filterCount = byId('filter-count');
  filterCount.textContent = activeFilterCount(filter) > 0 ? tx('filter.shown', { shown: shown.length, total: cases.size }) : '';
  filterCount.dataset['shown'] = String(shown.length);

  if (boardKind === 'community') {
    renderRoster();
    renderConveneCases();
  }
  renderFilterOptions();
  renderPerHour();
}

function isWaiting(c: CaseView): boolean {
  const latest = c.timeline.reduce<CaseView['timeline'][number] | null>((a, e) => (!a || e.seq > a.seq ? e : a), null);
  return (c.status === 'accepted' || c.status === 'submitted') && latest?.type === 'waiting';
}

/** The on-duty cadres a case could go to, those who take its category first, then the least loaded. */
function candidates(c: CaseView): RosterEntry[] {
  return [...roster.values()]
    .filter((r) => r.onDuty && r.id !== c.assigneeId)
    .sort((a, b) =>
      Number(b.categories.includes(c.category)) - Number(a.categories.includes(c.category))
      || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The possible duplicates still open on this board. */
function duplicatesOnBoard(c: CaseView): CaseView[] {
  return (c.possibleDuplicates ?? []).map((id) => cases.get(id)).filter((d): d is CaseView => !!d && d.status !== 'closed');
}

function actionsFor(c: CaseView): BoardAction[] {
  return boardActions(c, viewer, { kind: boardKind, countyId: names(c.communityId).countyId });
}

function card(c: CaseView): HTMLElement {
  const n = names(c.communityId);
  const actions = actionsFor(c);
  const dups = actions.includes('merge') ? duplicatesOnBoard(c) : [];
  const message = caseMessages.get(c.caseId) ?? null;
  const signature = JSON.stringify([
    c, n.loaded, actions, message, locale(),
    actions.includes('assign') ? candidates(c).map((r) => [r.id, r.name, r.load]) : null,
    dups.map((d) => [d.caseId, d.category, d.location, d.submittedAt, d.status]),
  ]);
  const cached = cardCache.get(c.caseId);
  if (cached && cached.signature === signature) return cached.el;

  const mode = c.mode ? modeText(c.mode) : null;
  const waiting = isWaiting(c);
  const draggable = actions.includes('assign') && boardKind === 'community';
  const el = h('article', {
    class: 'case-card', 'data-case-id': c.caseId, 'data-status': c.status, 'data-waiting': String(waiting),
    'data-assignee-id': c.assigneeId ?? '', 'data-level': c.level ?? 'community', 'data-mode': c.mode ?? '',
    'data-category': c.category, 'data-compound': c.location?.compound ?? '',
    draggable: draggable ? 'true' : null, 'data-draggable': String(draggable), title: draggable ? tx('card.drag') : null,
  },
    h('div', { class: 'case-head' },
      h('strong', { class: 'case-category' }, n.category(c.category)),
      h('span', { class: 'pills' },
        c.level && c.level !== 'community' ? h('span', { class: 'pill level', 'data-level': c.level }, levelText(c.level)) : null,
        h('span', { class: 'pill', 'data-status': c.status }, statusText(c.status)),
      ),
    ),
    h('div', { class: 'case-deadline' }, deadlineEl(relevantDeadline(c))),
    waiting ? h('p', { style: 'margin:0.25rem 0' }, h('span', { class: 'pill waiting' }, tx('card.waiting'))) : null,
    h('div', { class: 'case-place' },
      boardKind === 'scope' ? `${(locale() === 'en' ? n.nameEn : n.name) ?? c.communityId} · ` : '',
      n.place(c.location) || '—'),
    h('div', { class: 'case-meta' },
      kindText(c.kind), ' · ', h('span', { class: 'case-mode' }, mode ?? tx('card.modeNotSet')),
    ),
    h('div', { class: 'case-assignee' }, c.assignee ? `${tx('card.assignee')}: ${c.assignee}` : tx('card.unassigned')),
    h('div', { class: 'case-meta' }, tx('card.submitted'), ' ', h('time', { datetime: c.submittedAt }, formatDateTime(c.submittedAt))),
    c.reopenCount > 0
      ? h('div', { class: 'case-meta', 'data-reopen-count': c.reopenCount }, h('span', { class: 'pill waiting' }, tx('card.reopened', { count: c.reopenCount })))
      : null,
    dups.length > 0 ? duplicateHint(c, dups) : null,
    h('div', { class: 'case-id' }, c.caseId),
    h('p', { class: 'message case-message', role: 'alert', hidden: !message, 'data-kind': message?.kind ?? 'info' }, message?.text ?? ''),
    actions.length > 0 ? fold('actions', c.caseId, tx('card.actions'), folds, ...actionForms(c, actions)) : null,
    fold('details', c.caseId, tx('card.details'), folds,
      h('p', { class: 'description' }, c.description),
      c.contact ? h('p', { class: 'case-contact' }, tx('card.contact'), ': ', c.contact.name, ' ', c.contact.phone) : null,
      renderTimeline(c.timeline, undefined, { audience: 'staff', owner: (id) => n.owner(id) }),
    ),
  );
  cardCache.set(c.caseId, { signature, el });
  return el;
}

function duplicateHint(c: CaseView, dups: CaseView[]): HTMLElement {
  return h('div', { class: 'dup-hint', 'data-duplicates': dups.map((d) => d.caseId).join(' ') },
    h('strong', {}, tx('card.duplicate')),
    h('ul', {}, ...dups.map((d) => {
      const dn = names(d.communityId);
      return h('li', { 'data-duplicate-of': d.caseId },
        h('span', {}, dn.category(d.category), ' · ', dn.place(d.location) || '—', ' · ',
          h('time', { datetime: d.submittedAt }, formatDateTime(d.submittedAt)), ' · ',
          h('span', { class: 'mono' }, d.caseId)),
        h('button', {
          type: 'button', class: 'small secondary', 'data-action': 'merge', 'data-case-id': c.caseId, 'data-into-case-id': d.caseId,
        }, tx('card.mergeInto')),
      );
    })),
  );
}

function actionForms(c: CaseView, actions: readonly BoardAction[]): HTMLElement[] {
  const form = (spec: Omit<ActionFormSpec, 'caseId'>): HTMLFormElement => actionForm({ ...spec, caseId: c.caseId }, drafts);
  const out: HTMLElement[] = [];
  if (actions.includes('assign')) {
    const people = candidates(c);
    out.push(people.length === 0
      ? h('p', { class: 'hint', 'data-form-empty': 'assign' }, tx('form.noCadre'))
      : form({
        form: 'assign',
        fields: [{
          name: 'cadreId', type: 'select', required: true, label: tx(c.assigneeId ? 'form.reassignTo' : 'form.assignTo'),
          options: people.map((r) => ({
            value: r.id,
            label: tx('form.candidate', { name: r.name, load: r.load }) + (r.categories.includes(c.category) ? tx('form.takesCategory') : ''),
          })),
        }],
        submit: tx(c.assigneeId ? 'form.reassign' : 'form.assign'),
      }));
  }
  if (actions.includes('mode')) {
    out.push(form({
      form: 'mode',
      fields: [{
        name: 'mode', type: 'select', required: true, label: tx('form.modeTo'),
        options: MODES.filter((m) => m !== c.mode)
          .map((m) => ({ value: m, label: modeText(m) })),
      }],
      submit: tx('form.mode'), secondary: true,
    }));
  }
  if (actions.includes('resolve')) {
    out.push(form({
      form: 'resolve', className: 'resolve-form',
      fields: [{ name: 'note', required: true, label: tx('form.resolveNote') }],
      submit: tx('form.resolve'),
    }));
  }
  if (actions.includes('return')) {
    out.push(form({
      form: 'return',
      fields: [{ name: 'instructions', required: true, label: tx('form.returnNote') }],
      submit: tx('form.return'), secondary: true,
    }));
  }
  if (actions.includes('escalate')) {
    out.push(form({
      form: 'escalate',
      fields: [{ name: 'reason', required: true, label: tx('form.escalateReason') }],
      submit: tx('form.escalate'), secondary: true,
    }));
  }
  return out;
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────

const DONE_ACTIONS: ReadonlySet<CaseActionRoute> = new Set<CaseActionRoute>(['assign', 'mode', 'merge', 'escalate', 'resolve', 'return']);

async function perform(caseId: string, action: CaseActionRoute, body: CaseActionRequest): Promise<void> {
  if (!session) return;
  const known = cases.get(caseId);
  const expectedSeq = known ? lastSeq(known.timeline) : undefined;
  const result = await caseAction(session.token, caseId, action, { ...body, expectedSeq });
  drafts.clearForm(caseId, action);
  folds.delete(`${caseId}:actions`);
  const text = DONE_ACTIONS.has(action) ? tx(`done.${action}`) : '';
  liveTouched.set(caseId, Date.now());
  acceptSnapshot(result);
  if (cases.has(caseId)) {
    if (text) caseMessages.set(caseId, { text, kind: 'ok' });
    else caseMessages.delete(caseId);
  } else {
    caseMessages.delete(caseId);
    if (text) setMessage(pageMessage, tx('done.elsewhere', { what: text, caseId }), 'ok');
  }
  scheduleRender();
}

function actionFailed(caseId: string, err: unknown): void {
  if (err instanceof ApiError && err.status === 401) {
    expireSession();
    return;
  }
  caseMessages.set(caseId, { text: describeError(err), kind: 'error' });
  cardCache.delete(caseId);
  scheduleRender();
  if (err instanceof ApiError && (err.status === 409 || err.status === 404 || err.status === 403)) void fetchCase(caseId);
}

function bodyFor(action: string, values: Record<string, string>): CaseActionRequest | null {
  switch (action) {
    case 'assign': return { cadreId: values['cadreId'] };
    case 'mode': return { mode: values['mode'] as HandlingMode };
    case 'escalate': return { reason: values['reason'] };
    case 'resolve': return { note: values['note'] };
    case 'return': return { instructions: values['instructions'] };
    default: return null;
  }
}

function onSubmit(event: Event): void {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset['form']) return;
  event.preventDefault();
  const action = form.dataset['form'] as CaseActionRoute;
  const caseId = form.dataset['caseId'] ?? '';
  void submitActionForm({
    form,
    call: (values) => {
      const body = bodyFor(action, values);
      return body ? perform(caseId, action, body) : Promise.reject(new Error(`Unknown action ${action}`));
    },
    onSuccess: () => undefined,
    onError: (err) => actionFailed(caseId, err),
  });
}

async function onClick(event: Event): Promise<void> {
  const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action="merge"]');
  if (!button || button.disabled) return;
  const caseId = button.dataset['caseId'] ?? '';
  const into = button.dataset['intoCaseId'] ?? '';
  if (!caseId || !into) return;
  if (!window.confirm(tx('confirmMerge', { into }))) return;
  button.disabled = true;
  try {
    await perform(caseId, 'merge', { intoCaseId: into });
  } catch (err) {
    button.disabled = false;
    actionFailed(caseId, err);
  }
}

// ── Roster: on duty / busy / off, and drop targets ─────────────────────────────────────────────

function renderRoster(): void {
  const n = names(communityId);
  const order = { busy: 0, onDuty: 1, off: 2 } as const;
  const entries = [...roster.values()].sort((a, b) =>
    order[rosterState(a)] - order[rosterState(b)] || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'));
  const rows = entries.map((entry) => {
    const state = rosterState(entry);
    return h('tr', {
      'data-cadre-id': entry.id, 'data-on-duty': String(entry.onDuty), 'data-roster-state': state, 'data-load': entry.load,
      'data-drop-target': 'assign',
    },
      h('td', { 'data-field': 'name' }, entry.name),
      h('td', { 'data-field': 'categories' }, entry.categories.map((id) => n.category(id)).join(t('common.listSeparator')) || t('common.none')),
      h('td', { 'data-field': 'onDuty' },
        h('span', { class: 'on-duty roster-state', 'data-on-duty': String(entry.onDuty), 'data-roster-state': state }, tx(`roster.${state}`))),
      h('td', { 'data-field': 'load' }, String(entry.load)),
    );
  });
  rosterBody.replaceChildren(...rows);
  if (entries.length === 0) {
    rosterBody.append(h('tr', {}, h('td', { colspan: 4, class: 'muted' }, tx('roster.empty'))));
  }
}

function setUpDragAndDrop(): void {
  if (boardKind !== 'community') return;
  casesRoot.addEventListener('dragstart', (event) => {
    const cardEl = (event.target as HTMLElement | null)?.closest?.<HTMLElement>('.case-card[data-draggable="true"]');
    if (!cardEl || !event.dataTransfer) return;
    draggingCaseId = cardEl.dataset['caseId'] ?? null;
    event.dataTransfer.setData('text/plain', draggingCaseId ?? '');
    event.dataTransfer.effectAllowed = 'move';
    cardEl.classList.add('dragging');
    document.body.dataset['dragging'] = draggingCaseId ?? '';
  });
  casesRoot.addEventListener('dragend', (event) => {
    (event.target as HTMLElement | null)?.classList?.remove('dragging');
    endDrag();
  });
  const verdictAt = (target: EventTarget | null): ReturnType<typeof dropVerdict> => {
    const cadreId = resolveDropTarget(target);
    const c = draggingCaseId ? cases.get(draggingCaseId) : undefined;
    return dropVerdict(c, cadreId, cadreId ? roster.get(cadreId) : undefined, !!c && actionsFor(c).includes('assign'));
  };
  const table = byId('roster');
  table.addEventListener('dragover', (event) => {
    if (!draggingCaseId) return;
    const verdict = verdictAt(event.target);
    markDropRow(resolveDropTarget(event.target), verdict.ok);
    if (verdict.ok) {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    }
  });
  table.addEventListener('dragleave', (event) => {
    if (!table.contains(event.relatedTarget as Node | null)) markDropRow(null, false);
  });
  table.addEventListener('drop', (event) => {
    event.preventDefault();
    const caseId = draggingCaseId ?? event.dataTransfer?.getData('text/plain') ?? '';
    if (!draggingCaseId) draggingCaseId = caseId;
    const verdict = verdictAt(event.target);
    endDrag();
    if (!verdict.ok) {
      if (caseId) {
        caseMessages.set(caseId, { text: tx(`drop.${verdict.reason}`), kind: 'error' });
        cardCache.delete(caseId);
        scheduleRender();
      }
      return;
    }
    void perform(caseId, 'assign', { cadreId: verdict.cadreId }).catch((err: unknown) => actionFailed(caseId, err));
  });
}

function markDropRow(cadreId: string | null, ok: boolean): void {
  rosterBody.querySelectorAll<HTMLElement>('tr[data-drop]').forEach((row) => { delete row.dataset['drop']; });
  if (!cadreId) return;
  const row = rosterBody.querySelector<HTMLElement>(`tr[data-cadre-id="${CSS.escape(cadreId)}"]`);
  if (row) row.dataset['drop'] = ok ? 'ok' : 'refused';
}

function endDrag(): void {
  draggingCaseId = null;
  delete document.body.dataset['dragging'];
  markDropRow(null, false);
}

// ── Filters, search and the view toggle ────────────────────────────────────────────────────────

function setUpFilters(): void {
  const read = (): void => {
    const value = (id: string): string => byId<HTMLInputElement | HTMLSelectElement>(id).value;
    filter = {
      status: value('filter-status'), category: value('filter-category'), compound: value('filter-compound'),
      mode: value('filter-mode'), level: value('filter-level'), overdue: byId<HTMLInputElement>('filter-overdue').checked,
      search: value('search'),
    };
    scheduleRender();
  };
  filtersForm.addEventListener('input', read);
  filtersForm.addEventListener('change', read);
  filtersForm.addEventListener('submit', (event) => event.preventDefault());
  filtersForm.addEventListener('reset', () => window.setTimeout(read, 0));
  viewToggle.addEventListener('click', () => {
    view = view === 'columns' ? 'list' : 'columns';
    try { localStorage.setItem('gongzhi.board.view', view); } catch { /* private mode */ }
    renderViewToggle();
    render();
  });
  // The overdue filter changes with the clock.
  window.setInterval(() => { if (filter.overdue) scheduleRender(); }, 15_000);
}

function renderViewToggle(): void {
  viewToggle.dataset['view'] = view;
  viewToggle.setAttribute('aria-pressed', String(view === 'list'));
  viewToggle.textContent = view === 'columns' ? tx('view.showList') : tx('view.showColumns');
  document.body.dataset['view'] = view;
}

function fillSelect(id: string, options: readonly { value: string; label: string }[]): void {
  const select = byId<HTMLSelectElement>(id);
  // Rebuild only when the choices change, so an open drop-down is not pulled from under the user.
  const signature = JSON.stringify([options, locale()]);
  if (select.dataset['signature'] === signature) return;
  select.dataset['signature'] = signature;
  const current = select.value;
  select.replaceChildren(h('option', { value: '' }, tx('filter.any')), ...options.map((o) => h('option', { value: o.value }, o.label)));
  select.value = options.some((o) => o.value === current) ? current : '';
}

function renderFilterOptions(): void {
  fillSelect('filter-status', COLUMNS.map((s) => ({ value: s, label: tx(`column.${s}`) })));
  const community = boardKind === 'community' ? names(communityId) : null;
  const categoryIds = new Set<string>([...cases.values()].map((c) => c.category));
  const compoundIds = new Set<string>([...cases.values()].map((c) => c.location?.compound).filter((x): x is string => !!x));
  const known = community?.loaded ? community : null;
  fillSelect('filter-category', [...categoryIds].sort().map((id) => ({ value: id, label: (known ?? names([...cases.values()].find((c) => c.category === id)?.communityId ?? '')).category(id) })));
  fillSelect('filter-compound', [...compoundIds].sort().map((id) => ({ value: id, label: (known ?? names([...cases.values()].find((c) => c.location?.compound === id)?.communityId ?? '')).compound(id) })));
  fillSelect('filter-mode', [
    ...MODES.map((m) => ({ value: m, label: modeText(m) })),
    { value: 'none', label: tx('filter.noMode') },
  ]);
  fillSelect('filter-level', LEVELS.map((l) => ({ value: l, label: levelText(l) })));
}

// ── KPIs and charts ────────────────────────────────────────────────────────────────────────────

async function loadMetrics(): Promise<void> {
  if (!session || boardKind !== 'community') return;
  try {
    const summary = await request<MetricsSummary>(`/api/v1/metrics/summary?scope=${encodeURIComponent(communityId)}`, { token: session.token });
    onMetrics(summary);
  } catch {
    // KPIs are a side view: the board works without them; the next push fills them in.
  }
}

function onMetrics(summary: MetricsSummary): void {
  if (boardKind !== 'community' || (summary.communityId && summary.communityId !== communityId)) return;
  if (!isNewer(summary, metrics)) return;
  metrics = summary;
  renderKpis();
}

function renderKpis(): void {
  if (boardKind !== 'community') return;
  for (const tile of KPI_TILES) {
    const el = byId(tile.id);
    const today = metrics?.today?.[tile.field] ?? null;
    const month = metrics?.thisMonth?.[tile.field] ?? null;
    el.dataset['value'] = today === null ? '' : String(today);
    el.dataset['month'] = month === null ? '' : String(month);
    el.replaceChildren(
      h('span', { class: 'kpi-value' }, formatRate(today)),
      h('span', { class: 'kpi-label' }, t(tile.text), h('small', { class: 'muted' }, ` · ${tx('kpi.today')}`)),
      h('span', { class: 'kpi-month muted' }, tx('kpi.month', { value: formatRate(month) })),
    );
  }
  byId('kpi-updated').textContent = metrics ? tx('kpi.updated', { time: formatUpdatedAt(metrics.at) }) : '';
  charts?.showKpis({
    labels: KPI_TILES.map((tile) => t(tile.text)),
    today: KPI_TILES.map((tile) => metrics?.today?.[tile.field] ?? null),
    month: KPI_TILES.map((tile) => metrics?.thisMonth?.[tile.field] ?? null),
    todayLabel: tx('kpi.today'),
    monthLabel: tx('kpi.month', { value: '' }).trim(),
  });
}

let perHourQueued = false;
function schedulePerHour(): void {
  if (perHourQueued) return;
  perHourQueued = true;
  window.setTimeout(() => { perHourQueued = false; renderPerHour(); }, 250);
}

let perHourSignature = '';
function renderPerHour(): void {
  if (!charts) return;
  const series = perHour.series(Date.now(), PER_HOUR_WINDOW);
  const signature = JSON.stringify([series, locale()]);
  if (signature === perHourSignature) return;
  perHourSignature = signature;
  const categoryName = (id: string): string => {
    const owner = [...cases.values()].find((c) => c.category === id)?.communityId ?? communityId;
    return owner ? names(owner).category(id) : id;
  };
  charts.showPerHour(series, (ms) => formatDateTime(new Date(ms), { hour: '2-digit', minute: '2-digit', hour12: false }), categoryName);
}

// ── Alerts: deadlines breached, cases escalated here ──────────────────────────────────────────

function raiseAlert(kind: 'acknowledgeOverdue' | 'resolveOverdue' | 'deadline' | 'escalated', caseId: string, key: string): void {
  if (alerts.some((a) => a.key === key)) return;
  const text = (): string => {
    const c = cases.get(caseId);
    const category = c ? names(c.communityId).category(c.category) : '';
    return tx(`alert.${kind}`, { caseId, category });
  };
  alerts = [{ key, kind, caseId, text }, ...alerts].slice(0, MAX_ALERTS);
  beep();
  renderAlerts();
  // The case's category may arrive with the fetch; say it then.
  if (!cases.has(caseId)) window.setTimeout(renderAlerts, 1_500);
}

function renderAlerts(): void {
  const list = byId('alert-list');
  list.replaceChildren(...alerts.map((a) => h('li', { 'data-alert': a.kind, 'data-case-id-ref': a.caseId }, a.text())));
  alertBanner.dataset['alertCount'] = String(alerts.length);
  alertBanner.dataset['kind'] = alerts[0]?.kind ?? '';
  alertBanner.hidden = alerts.length === 0;
}

/** A countdown reaching zero while we watch is a breach too (the server's overdue event may lag). */
function checkDeadlines(): void {
  if (!breachBaselineTaken) return;
  const now = Date.now();
  for (const c of cases.values()) {
    const d = relevantDeadline(c);
    // Acknowledge-by and resolve-by are the SLA; an offer running out only passes the case on,
    // and rate-by is the resident's.
    if (!d || d.kind === 'rate' || d.kind === 'offer') continue;
    const key = `${c.caseId}|${d.at}`;
    if (breached.has(key) || !isOverdue(c, now)) continue;
    breached.add(key);
    raiseAlert('deadline', c.caseId, key);
  }
}

// ── 7+X consultation ───────────────────────────────────────────────────────────────────────────

interface Consultation {
  consultationId: string;
  topic: string;
  time: string;
  place: string;
}

function setUpConvene(): void {
  if (boardKind !== 'community') return;
  const time = byId<HTMLInputElement>('convene-time');
  time.min = toLocalInputValue(new Date());
  byId('convene-add-party').addEventListener('click', () => addParty());
  byId('convene-parties').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-remove-party]');
    if (!button) return;
    button.closest('.party')?.remove();
    renumberParties();
  });
  conveneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void convene();
  });
  addParty();
}

function addParty(): void {
  const list = byId('convene-parties');
  const row = h('div', { class: 'party', 'data-party': '' },
    h('label', {}, h('span', { 'data-i18n': 'board.convene.name' }, tx('convene.name')), h('input', { name: 'partyName', maxlength: 100, autocomplete: 'off' })),
    h('label', {}, h('span', { 'data-i18n': 'board.convene.role' }, tx('convene.role')), h('input', { name: 'partyRole', maxlength: 100, autocomplete: 'off' })),
    h('button', { type: 'button', class: 'small secondary', 'data-remove-party': '', 'data-i18n': 'board.convene.removeParty' }, tx('convene.removeParty')),
    h('p', { class: 'field-error', 'data-error-for': '' }),
  );
  list.append(row);
  renumberParties();
}

function renumberParties(): void {
  byId('convene-parties').querySelectorAll<HTMLElement>('.party').forEach((row, i) => {
    row.dataset['party'] = String(i);
    const name = row.querySelector<HTMLInputElement>('input[name="partyName"]');
    const roleInput = row.querySelector<HTMLInputElement>('input[name="partyRole"]');
    if (name) name.id = `convene-party-${i}-name`;
    if (roleInput) roleInput.id = `convene-party-${i}-role`;
    const error = row.querySelector<HTMLElement>('.field-error');
    if (error) error.dataset['errorFor'] = `invited.${i}.name`;
  });
}

function renderConveneCases(): void {
  const box = byId('convene-case-list');
  const checked = new Set([...box.querySelectorAll<HTMLInputElement>('input[name="caseIds"]:checked')].map((i) => i.value));
  const open = [...cases.values()].filter((c) => c.communityId === communityId || !c.communityId)
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const signature = JSON.stringify([open.map((c) => [c.caseId, c.category, c.location, c.status]), locale(), [...checked]]);
  if (box.dataset['signature'] === signature) return;
  box.dataset['signature'] = signature;
  const n = names(communityId);
  box.replaceChildren(...(open.length === 0
    ? [h('p', { class: 'muted' }, tx('convene.noCases'))]
    : open.map((c) => h('label', { class: 'check convene-case', 'data-case-id-ref': c.caseId },
      h('input', { type: 'checkbox', name: 'caseIds', value: c.caseId, checked: checked.has(c.caseId) }),
      ` ${n.category(c.category)} · ${n.place(c.location) || '—'} · `, h('span', { class: 'mono' }, c.caseId)))));
}

async function convene(): Promise<void> {
  if (!session) return;
  const message = byId('convene-message');
  setMessage(message, null);
  clearErrors(conveneForm);
  const caseIds = [...conveneForm.querySelectorAll<HTMLInputElement>('input[name="caseIds"]:checked')].map((i) => i.value);
  const value = (id: string): string => byId<HTMLInputElement>(id).value.trim();
  const errors: Record<string, string> = {};
  if (caseIds.length === 0) errors['caseIds'] = tx('convene.pickCase');
  if (!value('convene-topic')) errors['topic'] = tx('convene.required');
  const time = localInputToIso(value('convene-time'));
  if (!time) errors['time'] = tx('convene.badTime');
  if (!value('convene-place')) errors['place'] = tx('convene.required');
  const invited = [...byId('convene-parties').querySelectorAll<HTMLElement>('.party')]
    .map((row) => ({
      name: row.querySelector<HTMLInputElement>('input[name="partyName"]')?.value.trim() ?? '',
      role: row.querySelector<HTMLInputElement>('input[name="partyRole"]')?.value.trim() ?? '',
    }));
  invited.forEach((p, i) => { if (!p.name && p.role) errors[`invited.${i}.name`] = tx('convene.required'); });
  if (Object.keys(errors).length > 0) {
    showFieldErrors(conveneForm, errors);
    return;
  }
  const submit = byId<HTMLButtonElement>('convene-submit');
  submit.disabled = true;
  try {
    const result = await request<Consultation>('/api/v1/consultations', {
      method: 'POST', token: session.token,
      body: {
        communityId, caseIds, topic: value('convene-topic'), time, place: value('convene-place'),
        invited: invited.filter((p) => p.name),
      },
    });
    conveneForm.reset();
    byId('convene-parties').replaceChildren();
    addParty();
    byId('convene-case-list').dataset['signature'] = '';
    renderConveneCases();
    message.dataset['consultationId'] = result.consultationId;
    setMessage(message, tx('convene.done', { topic: result.topic, time: formatDateTime(result.time) }), 'ok');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      expireSession();
      return;
    }
    const placed = err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0
      && showFieldErrors(conveneForm, err.fieldErrors);
    if (!placed) setMessage(message, describeError(err), 'error');
  } finally {
    submit.disabled = false;
  }
}
