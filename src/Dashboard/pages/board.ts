// Dispatcher: every open case of a community by status, the duty roster, live counters.
import {
  ApiError, describeError, getCase, getCommunityCases, getRoster,
} from '../lib/api';
import { coalesce, KeyedCoalescer } from '../lib/coalesce';
import { bi, byId, h, isSameLocalDay, setMessage, timeEl } from '../lib/dom';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import { kindLabel, modeLabel, statusLabel } from '../lib/labels';
import { CommunityNames } from '../lib/names';
import { renderSignIn, requireSession, signOut } from '../lib/signin';
import { SeqTracker } from '../lib/seq';
import { lastSeq, mergeEvents, renderTimeline } from '../lib/timeline';
import type { CaseStatus, CaseUpdated, CaseView, RosterEntry, RosterUpdated } from '../lib/types';

type Column = 'accepted' | 'assigned' | 'acknowledged' | 'resolved';
const COLUMNS: readonly Column[] = ['accepted', 'assigned', 'acknowledged', 'resolved'];

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

const pageMessage = byId<HTMLParagraphElement>('page-message');
const signinSection = byId<HTMLElement>('signin');
const boardSection = byId<HTMLElement>('board-section');
const connectionState = byId<HTMLElement>('connection-state');
const rosterBody = byId<HTMLTableSectionElement>('roster-body');

const session = requireSession(signinSection);
const params = new URLSearchParams(window.location.search);
const communityId = params.get('community')?.trim() || session?.claims.scope || '';

const names = new CommunityNames();
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
const openDetails = new Set<string>();
const flashIds = new Set<string>();
let hub: HubHandle | null = null;
/** Set when the server refused the token or the scope: no point in going live. */
let refused = false;
let renderQueued = false;

const refreshAll = coalesce(async () => {
  if (!session) return;
  const startedAt = Date.now();
  try {
    const [openCases, entries] = await Promise.all([
      getCommunityCases(session.token, communityId),
      getRoster(session.token, communityId),
    ]);
    const seen = new Set<string>();
    for (const c of openCases) {
      seen.add(c.caseId);
      acceptSnapshot(c);
    }
    for (const id of [...cases.keys()]) {
      if (!seen.has(id) && (liveTouched.get(id) ?? 0) < startedAt) cases.delete(id);
    }
    roster.clear();
    for (const entry of entries) roster.set(entry.id, entry);
    boardSection.hidden = false;
    if (pageMessage.dataset['kind'] === 'error') setMessage(pageMessage, null);
    scheduleRender();
  } catch (err) {
    handleError(err);
  }
});

if (session) void init();

async function init(): Promise<void> {
  if (!session) return;
  byId('signout').hidden = false;
  byId('signout').addEventListener('click', signOut);
  if (!communityId) {
    setMessage(pageMessage, '令牌没有社区范围，请在地址后加 ?community=… · No community: add ?community=… to the address.', 'error');
    return;
  }
  document.body.dataset['communityId'] = communityId;
  boardSection.dataset['communityId'] = communityId;
  byId('columns').addEventListener('toggle', onDetailsToggle, true);

  setMessage(pageMessage, '正在加载… Loading…');
  await names.load(communityId);
  renderTitle();
  await refreshAll();
  if (pageMessage.textContent === '正在加载… Loading…') setMessage(pageMessage, null);
  // Even when the first load failed on the network, go live: every (re)connect re-fetches.
  if (!refused) startLive();
}

function startLive(): void {
  if (!session) return;
  const token = session.token;
  const connection = createHub(() => token);
  connection.on('caseUpdated', (update: CaseUpdated) => onCaseUpdated(update));
  connection.on('rosterUpdated', (entry: RosterUpdated) => onRosterUpdated(entry));
  connectionState.hidden = false;
  hub = runHub(connection, {
    onStateChange: (state) => showConnectionState(connectionState, state),
    onConnected: async () => {
      await connection.invoke('WatchCommunity', communityId);
      // After a (re)connect anything may have been missed: take the snapshot again.
      await refreshAll();
    },
    onUnauthorized: () => expireSession(),
    onError: (err) => setMessage(pageMessage,
      `无法订阅该社区的实时更新 · Cannot watch this community live: ${err instanceof Error ? err.message : String(err)}`, 'error'),
  });
}

function onCaseUpdated(update: CaseUpdated): void {
  if (update.communityId && update.communityId !== communityId) return;
  const id = update.caseId;
  if (seq.check(id, update.seq) === 'stale') return;

  if (update.event?.type === 'resolved' && isSameLocalDay(update.event.at ?? update.at)) resolvedToday.add(id);

  const known = cases.get(id);
  if (!known) {
    // A case we have not seen (new, or reopened): the push lacks category, place, etc.
    void fetchCase(id);
    return;
  }
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
    assignee: update.assignee ?? (update.status === 'accepted' ? null : known.assignee),
    assigneeId: update.assigneeId !== undefined ? update.assigneeId : known.assigneeId,
    timeline: update.event ? mergeEvents(known.timeline, [update.event]) : known.timeline,
  };
  upsert(next);
}

function fetchCase(caseId: string): Promise<void> {
  return caseFetches.run(caseId, async () => {
    if (!session) return;
    try {
      const c = await getCase(session.token, caseId);
      if (c.communityId && c.communityId !== communityId) return;
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
  for (const event of c.timeline) {
    if (event.type === 'resolved' && isSameLocalDay(event.at)) resolvedToday.add(c.caseId);
  }
  const previous = cases.get(c.caseId);
  if (previous && previous.status !== c.status) flashIds.add(c.caseId);
  if (columnFor(c.status) === null) cases.delete(c.caseId);
  else cases.set(c.caseId, c);
}

function upsert(c: CaseView): void {
  const previous = cases.get(c.caseId);
  if (columnFor(c.status) === null) {
    cases.delete(c.caseId);
  } else {
    cases.set(c.caseId, c);
    if (!previous || previous.status !== c.status) flashIds.add(c.caseId);
  }
  scheduleRender();
}

function onRosterUpdated(entry: RosterUpdated): void {
  if (entry.communityId && entry.communityId !== communityId) return;
  const { communityId: _ignored, ...rest } = entry;
  const previous = roster.get(entry.id);
  roster.set(entry.id, { ...previous, ...rest, categories: rest.categories ?? previous?.categories ?? [] });
  scheduleRender();
}

function handleError(err: unknown): void {
  if (err instanceof ApiError && err.status === 401) {
    expireSession();
    return;
  }
  if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
    refused = true;
    setMessage(pageMessage, err.status === 403
      ? `没有查看社区 “${communityId}” 的权限 · Your token does not cover this community.`
      : `找不到社区 “${communityId}” · Unknown community.`, 'error');
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
  renderSignIn(signinSection, '登录已失效，请重新登录 · Your sign-in has expired, please sign in again.');
}

function onDetailsToggle(event: Event): void {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement)) return;
  const id = details.closest<HTMLElement>('[data-case-id]')?.dataset['caseId'];
  if (!id) return;
  if (details.open) openDetails.add(id);
  else openDetails.delete(id);
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
  title.replaceChildren(
    names.name ?? communityId, ' ',
    h('small', { class: 'en' }, `${names.nameEn ?? ''} · 调度大屏 Dispatch board`),
  );
  document.title = `调度大屏 Board — ${names.name ?? communityId}`;
}

function render(): void {
  const byColumn: Record<Column, CaseView[]> = { accepted: [], assigned: [], acknowledged: [], resolved: [] };
  for (const c of cases.values()) {
    const column = columnFor(c.status);
    if (column) byColumn[column].push(c);
  }
  const live = new Set(cases.keys());
  for (const id of [...cardCache.keys()]) if (!live.has(id)) cardCache.delete(id);

  for (const column of COLUMNS) {
    const list = byColumn[column].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    const container = document.querySelector<HTMLElement>(`[data-cards-for="${column}"]`);
    container?.replaceChildren(...list.map(card));
    const count = document.querySelector<HTMLElement>(`[data-count-for="${column}"]`);
    if (count) count.textContent = String(list.length);
  }

  for (const id of flashIds) {
    const el = cardCache.get(id)?.el;
    if (el) {
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
    }
  }
  flashIds.clear();

  byId('count-open').textContent = String(cases.size);
  byId('count-waiting').textContent = String(byColumn.accepted.length);
  byId('count-assigned').textContent = String(byColumn.assigned.length);
  byId('count-acknowledged').textContent = String(byColumn.acknowledged.length);
  byId('count-resolved-today').textContent = String(resolvedToday.size);

  renderRoster();
}

function isWaiting(c: CaseView): boolean {
  const latest = c.timeline.reduce<CaseView['timeline'][number] | null>((a, e) => (!a || e.seq > a.seq ? e : a), null);
  return (c.status === 'accepted' || c.status === 'submitted') && latest?.type === 'waiting';
}

function card(c: CaseView): HTMLElement {
  const signature = JSON.stringify([c, names.name]);
  const cached = cardCache.get(c.caseId);
  if (cached && cached.signature === signature) return cached.el;

  const status = statusLabel(c.status);
  const kind = kindLabel(c.kind);
  const mode = c.mode ? modeLabel(c.mode) : null;
  const waiting = isWaiting(c);
  const details = h('details', { open: openDetails.has(c.caseId) },
    h('summary', {}, bi('详情', 'Details')),
    h('p', { class: 'description' }, c.description),
    c.contact ? h('p', { class: 'case-contact' }, bi('联系人', 'Contact'), ': ', c.contact.name, ' ', c.contact.phone) : null,
    renderTimeline(c.timeline),
  );
  const el = h('article', {
    class: 'case-card', 'data-case-id': c.caseId, 'data-status': c.status, 'data-waiting': String(waiting),
    'data-assignee-id': c.assigneeId ?? '',
  },
    h('div', { class: 'case-head' },
      h('strong', { class: 'case-category' }, names.category(c.category)),
      h('span', { class: 'pill', 'data-status': c.status }, bi(status.zh, status.en)),
    ),
    waiting ? h('p', { style: 'margin:0.25rem 0' }, h('span', { class: 'pill waiting' }, bi('无人值守，等待派单', 'No cadre available'))) : null,
    h('div', { class: 'case-place' }, names.place(c.location) || '—'),
    h('div', { class: 'case-meta' },
      bi(kind.zh, kind.en),
      ' · ', mode ? bi(mode.zh, mode.en) : bi('方式待定', 'mode not set'),
    ),
    h('div', { class: 'case-assignee' },
      ...(c.assignee ? [bi('经办', 'Assignee'), ': ', c.assignee] : [bi('未派单', 'Unassigned')]),
    ),
    h('div', { class: 'case-meta' }, bi('提交', 'Submitted'), ' ', timeEl(c.submittedAt)),
    h('div', { class: 'case-id' }, c.caseId),
    details,
  );
  cardCache.set(c.caseId, { signature, el });
  return el;
}

function renderRoster(): void {
  const entries = [...roster.values()].sort((a, b) =>
    Number(b.onDuty) - Number(a.onDuty) || a.name.localeCompare(b.name, 'zh-CN'));
  rosterBody.replaceChildren(...entries.map((entry) =>
    h('tr', { 'data-cadre-id': entry.id, 'data-on-duty': String(entry.onDuty) },
      h('td', { 'data-field': 'name' }, entry.name),
      h('td', { 'data-field': 'categories' }, entry.categories.map((id) => names.category(id)).join('、') || '—'),
      h('td', { 'data-field': 'onDuty' },
        h('span', { class: 'on-duty', 'data-on-duty': String(entry.onDuty) },
          entry.onDuty ? bi('值班中', 'On duty') : bi('未值班', 'Off duty'))),
      h('td', { 'data-field': 'load' }, String(entry.load)),
    )));
  if (entries.length === 0) {
    rosterBody.append(h('tr', {}, h('td', { colspan: 4, class: 'muted' }, bi('名册为空', 'No cadres'))));
  }
}
