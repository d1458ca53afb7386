// The live board, in two forms:
// - `/board?community={id}` (default: the token's scope) — a community's dispatchers: every open
//   case by status with its level and deadline countdown, the duty roster, counters; assign to
//   an on-duty cadre, change the mode, merge a likely duplicate, escalate.
// - `/board?scope={subdistrict|department|county id}` — that level's officials: the cases
//   escalated to them (GET /queues/{scope}/cases, hub WatchScope); resolve, hand back, escalate.
// Every action carries the case's last seq we know (`expectedSeq`).
import {
  ApiError, caseAction, describeError, getCase, getCommunityCases, getQueue, getRoster, type CaseActionRoute,
} from '../lib/api';
import { boardActions, type BoardAction, type Viewer } from '../lib/actions';
import { coalesce, KeyedCoalescer } from '../lib/coalesce';
import { relevantDeadline } from '../lib/deadlines';
import {
  bi, byId, focusedId, h, isSameLocalDay, reconcileChildren, restoreFocus, setMessage, timeEl,
} from '../lib/dom';
import {
  actionForm, Drafts, fold, submitActionForm, trackFolds, type ActionFormSpec,
} from '../lib/forms';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import {
  kindLabel, levelLabel, MODE_LABELS, modeLabel, statusLabel, type Label,
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

const pageMessage = byId<HTMLParagraphElement>('page-message');
const signinSection = byId<HTMLElement>('signin');
const boardSection = byId<HTMLElement>('board-section');
const connectionState = byId<HTMLElement>('connection-state');
const rosterBody = byId<HTMLTableSectionElement>('roster-body');
const columnsEl = byId<HTMLElement>('columns');

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
let hub: HubHandle | null = null;
/** Set when the server refused the token or the scope: no point in going live. */
let refused = false;
let renderQueued = false;

function names(id: string): CommunityNames {
  let n = namesByCommunity.get(id);
  if (!n) {
    n = new CommunityNames();
    namesByCommunity.set(id, n);
    void n.load(id).then(() => {
      if (n?.loaded) {
        renderTitle();
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
  if (boardKind === 'community' && !communityId) {
    setMessage(pageMessage, '令牌没有社区范围，请在地址后加 ?community=… · No community: add ?community=… to the address.', 'error');
    return;
  }
  document.body.dataset['board'] = boardKind;
  if (boardKind === 'scope') {
    document.body.dataset['scopeId'] = scopeId;
    boardSection.dataset['scopeId'] = scopeId;
    byId('roster-section').hidden = true;
  } else {
    document.body.dataset['communityId'] = communityId;
    boardSection.dataset['communityId'] = communityId;
  }
  trackFolds(columnsEl, folds);
  drafts.listen(columnsEl);
  columnsEl.addEventListener('submit', (event) => onSubmit(event));
  columnsEl.addEventListener('click', (event) => void onClick(event));
  startDeadlineTicker();

  setMessage(pageMessage, '正在加载… Loading…');
  if (boardKind === 'community') await names(communityId).load(communityId);
  renderTitle();
  await refreshAll();
  if (pageMessage.textContent === '正在加载… Loading…') setMessage(pageMessage, null);
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
  connectionState.hidden = false;
  hub = runHub(connection, {
    onStateChange: (state) => showConnectionState(connectionState, state),
    onConnected: async () => {
      if (boardKind === 'scope') await connection.invoke('WatchScope', scopeId);
      else await connection.invoke('WatchCommunity', communityId);
      // After a (re)connect anything may have been missed: take the snapshot again.
      await refreshAll();
    },
    onUnauthorized: () => expireSession(),
    onError: (err) => setMessage(pageMessage,
      `无法订阅实时更新 · Cannot watch this board live: ${err instanceof Error ? err.message : String(err)}`, 'error'),
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

  if (update.event?.type === 'resolved' && isSameLocalDay(update.event.at ?? update.at)) resolvedToday.add(id);

  const known = cases.get(id);
  if (!known) {
    // A case we have not seen (new, reopened, escalated here): the push lacks category, place, etc.
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
    if (boardKind === 'scope') {
      setMessage(pageMessage, err.status === 403
        ? `没有查看 “${scopeId}” 待办的权限 · Your token does not cover the queue of ${scopeId}.`
        : `找不到 “${scopeId}” · Unknown scope.`, 'error');
    } else {
      setMessage(pageMessage, err.status === 403
        ? `没有查看社区 “${communityId}” 的权限 · Your token does not cover this community.`
        : `找不到社区 “${communityId}” · Unknown community.`, 'error');
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
  renderSignIn(signinSection, '登录已失效，请重新登录 · Your sign-in has expired, please sign in again.');
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
    title.replaceChildren(
      '上级待办 ', h('span', { class: 'mono' }, scopeId), ' ',
      h('small', { class: 'en' }, `Escalated cases · ${role || 'official'}`),
    );
    document.title = `上级待办 Escalated — ${scopeId}`;
    return;
  }
  const n = names(communityId);
  title.replaceChildren(
    n.name ?? communityId, ' ',
    h('small', { class: 'en' }, `${n.nameEn ?? ''} · 调度大屏 Dispatch board`),
  );
  document.title = `调度大屏 Board — ${n.name ?? communityId}`;
}

function render(): void {
  const byColumn: Record<Column, CaseView[]> = { accepted: [], assigned: [], acknowledged: [], resolved: [] };
  for (const c of cases.values()) {
    const column = columnFor(c.status);
    if (column) byColumn[column].push(c);
  }
  const live = new Set(cases.keys());
  for (const id of [...cardCache.keys()]) if (!live.has(id)) cardCache.delete(id);
  const focus = focusedId(columnsEl);

  for (const column of COLUMNS) {
    const list = byColumn[column].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    const container = document.querySelector<HTMLElement>(`[data-cards-for="${column}"]`);
    if (container) reconcileChildren(container, list.map(card));
    const count = document.querySelector<HTMLElement>(`[data-count-for="${column}"]`);
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

  byId('count-open').textContent = String(cases.size);
  byId('count-waiting').textContent = String(byColumn.accepted.length);
  byId('count-assigned').textContent = String(byColumn.assigned.length);
  byId('count-acknowledged').textContent = String(byColumn.acknowledged.length);
  byId('count-resolved-today').textContent = String(resolvedToday.size);

  if (boardKind === 'community') renderRoster();
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

function card(c: CaseView): HTMLElement {
  const n = names(c.communityId);
  const actions = boardActions(c, viewer, { kind: boardKind, countyId: n.countyId });
  const dups = actions.includes('merge') ? duplicatesOnBoard(c) : [];
  const message = caseMessages.get(c.caseId) ?? null;
  const signature = JSON.stringify([
    c, n.loaded, actions, message,
    actions.includes('assign') ? candidates(c).map((r) => [r.id, r.name, r.load]) : null,
    dups.map((d) => [d.caseId, d.category, d.location, d.submittedAt, d.status]),
  ]);
  const cached = cardCache.get(c.caseId);
  if (cached && cached.signature === signature) return cached.el;

  const status = statusLabel(c.status);
  const kind = kindLabel(c.kind);
  const mode = c.mode ? modeLabel(c.mode) : null;
  const level = levelLabel(c.level);
  const waiting = isWaiting(c);
  const el = h('article', {
    class: 'case-card', 'data-case-id': c.caseId, 'data-status': c.status, 'data-waiting': String(waiting),
    'data-assignee-id': c.assigneeId ?? '', 'data-level': c.level ?? 'community', 'data-mode': c.mode ?? '',
  },
    h('div', { class: 'case-head' },
      h('strong', { class: 'case-category' }, n.category(c.category)),
      h('span', { class: 'pills' },
        c.level && c.level !== 'community' ? h('span', { class: 'pill level', 'data-level': c.level }, bi(level.zh, level.en)) : null,
        h('span', { class: 'pill', 'data-status': c.status }, bi(status.zh, status.en)),
      ),
    ),
    h('div', { class: 'case-deadline' }, deadlineEl(relevantDeadline(c))),
    waiting ? h('p', { style: 'margin:0.25rem 0' }, h('span', { class: 'pill waiting' }, bi('无人值守，等待派单', 'No cadre available'))) : null,
    h('div', { class: 'case-place' },
      boardKind === 'scope' ? `${n.name ?? c.communityId} · ` : '',
      n.place(c.location) || '—'),
    h('div', { class: 'case-meta' },
      bi(kind.zh, kind.en),
      ' · ', mode ? bi(mode.zh, mode.en) : bi('方式待定', 'mode not set'),
    ),
    h('div', { class: 'case-assignee' },
      ...(c.assignee ? [bi('经办', 'Assignee'), ': ', c.assignee] : [bi('未派单', 'Unassigned')]),
    ),
    h('div', { class: 'case-meta' }, bi('提交', 'Submitted'), ' ', timeEl(c.submittedAt)),
    c.reopenCount > 0
      ? h('div', { class: 'case-meta', 'data-reopen-count': c.reopenCount }, h('span', { class: 'pill waiting' }, bi(`重办 ×${c.reopenCount}`, `Reopened ×${c.reopenCount}`)))
      : null,
    dups.length > 0 ? duplicateHint(c, dups) : null,
    h('div', { class: 'case-id' }, c.caseId),
    h('p', { class: 'message case-message', role: 'alert', hidden: !message, 'data-kind': message?.kind ?? 'info' }, message?.text ?? ''),
    actions.length > 0 ? fold('actions', c.caseId, { zh: '操作', en: 'Actions' }, folds, ...actionForms(c, actions)) : null,
    fold('details', c.caseId, { zh: '详情', en: 'Details' }, folds,
      h('p', { class: 'description' }, c.description),
      c.contact ? h('p', { class: 'case-contact' }, bi('联系人', 'Contact'), ': ', c.contact.name, ' ', c.contact.phone) : null,
      renderTimeline(c.timeline, undefined, { audience: 'staff', owner: (id) => n.owner(id) }),
    ),
  );
  cardCache.set(c.caseId, { signature, el });
  return el;
}

function duplicateHint(c: CaseView, dups: CaseView[]): HTMLElement {
  return h('div', { class: 'dup-hint', 'data-duplicates': dups.map((d) => d.caseId).join(' ') },
    h('strong', {}, bi('可能重复', 'Possible duplicate')),
    h('ul', {}, ...dups.map((d) => {
      const dn = names(d.communityId);
      return h('li', { 'data-duplicate-of': d.caseId },
        h('span', {}, dn.category(d.category), ' · ', dn.place(d.location) || '—', ' · ', timeEl(d.submittedAt), ' · ',
          h('span', { class: 'mono' }, d.caseId)),
        h('button', {
          type: 'button', class: 'small secondary', 'data-action': 'merge', 'data-case-id': c.caseId, 'data-into-case-id': d.caseId,
        }, bi('并入此件', 'Merge into it')),
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
      ? h('p', { class: 'hint', 'data-form-empty': 'assign' }, bi('没有值班中的其他干部可派', 'No other cadre on duty to assign'))
      : form({
        form: 'assign',
        fields: [{
          name: 'cadreId', type: 'select', required: true, label: { zh: c.assigneeId ? '改派给' : '派给', en: c.assigneeId ? 'Reassign to' : 'Assign to' },
          options: people.map((r) => ({
            value: r.id,
            label: `${r.name} · 在办 ${r.load} load${r.categories.includes(c.category) ? ' · 分管 ✓' : ''}`,
          })),
        }],
        submit: c.assigneeId ? { zh: '改派', en: 'Reassign' } : { zh: '派单', en: 'Assign' },
      }));
  }
  if (actions.includes('mode')) {
    out.push(form({
      form: 'mode',
      fields: [{
        name: 'mode', type: 'select', required: true, label: { zh: '办理方式改为', en: 'Change handling to' },
        options: (Object.keys(MODE_LABELS) as HandlingMode[]).filter((m) => m !== c.mode)
          .map((m) => ({ value: m, label: `${MODE_LABELS[m].zh} ${MODE_LABELS[m].en}` })),
      }],
      submit: { zh: '改变办理方式', en: 'Change mode' }, secondary: true,
    }));
  }
  if (actions.includes('resolve')) {
    out.push(form({
      form: 'resolve', className: 'resolve-form',
      fields: [{ name: 'note', required: true, label: { zh: '办结说明（给居民看）', en: 'Resolution note (for the resident)' } }],
      submit: { zh: '办结', en: 'Resolve' },
    }));
  }
  if (actions.includes('return')) {
    out.push(form({
      form: 'return',
      fields: [{ name: 'instructions', required: true, label: { zh: '交回下级的办理要求', en: 'Instructions for the level below' } }],
      submit: { zh: '交回下级', en: 'Hand back down' }, secondary: true,
    }));
  }
  if (actions.includes('escalate')) {
    out.push(form({
      form: 'escalate',
      fields: [{ name: 'reason', required: true, label: { zh: '上报原因', en: 'Why it goes up a level' } }],
      submit: { zh: '上报上级', en: 'Escalate' }, secondary: true,
    }));
  }
  return out;
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────

const DONE_WORDS: Partial<Record<CaseActionRoute, Label>> = {
  assign: { zh: '已派单', en: 'Assigned' },
  mode: { zh: '办理方式已改', en: 'Mode changed' },
  merge: { zh: '已合并', en: 'Merged' },
  escalate: { zh: '已上报', en: 'Escalated' },
  resolve: { zh: '已办结', en: 'Resolved' },
  return: { zh: '已交回下级', en: 'Handed back' },
};

async function perform(caseId: string, action: CaseActionRoute, body: CaseActionRequest): Promise<void> {
  if (!session) return;
  const known = cases.get(caseId);
  const expectedSeq = known ? lastSeq(known.timeline) : undefined;
  const result = await caseAction(session.token, caseId, action, { ...body, expectedSeq });
  drafts.clearForm(caseId, action);
  folds.delete(`${caseId}:actions`);
  const words = DONE_WORDS[action];
  const text = words ? `${words.zh} · ${words.en}` : '';
  liveTouched.set(caseId, Date.now());
  acceptSnapshot(result);
  if (cases.has(caseId)) {
    if (text) caseMessages.set(caseId, { text, kind: 'ok' });
    else caseMessages.delete(caseId);
  } else {
    caseMessages.delete(caseId);
    if (text) setMessage(pageMessage, `${text}：${caseId}`, 'ok');
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
  if (!window.confirm(`把此件并入 ${into}？此件将关闭，居民改为跟踪那一件。\nMerge this case into ${into}? This one closes; its resident will follow that one.`)) return;
  button.disabled = true;
  try {
    await perform(caseId, 'merge', { intoCaseId: into });
  } catch (err) {
    button.disabled = false;
    actionFailed(caseId, err);
  }
}

function renderRoster(): void {
  const n = names(communityId);
  const entries = [...roster.values()].sort((a, b) =>
    Number(b.onDuty) - Number(a.onDuty) || a.name.localeCompare(b.name, 'zh-CN'));
  rosterBody.replaceChildren(...entries.map((entry) =>
    h('tr', { 'data-cadre-id': entry.id, 'data-on-duty': String(entry.onDuty) },
      h('td', { 'data-field': 'name' }, entry.name),
      h('td', { 'data-field': 'categories' }, entry.categories.map((id) => n.category(id)).join('、') || '—'),
      h('td', { 'data-field': 'onDuty' },
        h('span', { class: 'on-duty', 'data-on-duty': String(entry.onDuty) },
          entry.onDuty ? bi('值班中', 'On duty') : bi('未值班', 'Off duty'))),
      h('td', { 'data-field': 'load' }, String(entry.load)),
    )));
  if (entries.length === 0) {
    rosterBody.append(h('tr', {}, h('td', { colspan: 4, class: 'muted' }, bi('名册为空', 'No cadres'))));
  }
}
