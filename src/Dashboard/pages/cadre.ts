// Field cadre: duty switch and own queue, live with a sound alert. Per case, the actions its
// state and mode allow: acknowledge or decline an offer; then the mode's steps (马上办 start and
// resolve; 领着办 arrange the accompaniment, wait for the resident, resolve; 代为办 consent,
// documents, result, wait for the resident's receipt, resolve); escalate with a reason. Every
// action carries the case's last seq we know (`expectedSeq`), so a stale page is refused (409)
// rather than acting on a case that moved on.
import {
  ApiError, caseAction, describeError, getCadre, setDuty, type CaseActionRoute,
} from '../lib/api';
import { cadreActions, type CadreAction, type CadrePlan } from '../lib/actions';
import { beep, soundReady, unlockAudioOnGesture } from '../lib/beep';
import { coalesce } from '../lib/coalesce';
import { toLocalInputValue, localInputToIso, parseAccompaniment } from '../lib/datetime';
import { relevantDeadline } from '../lib/deadlines';
import {
  bi, byId, focusedId, formatTime, h, reconcileChildren, restoreFocus, setMessage, timeEl,
} from '../lib/dom';
import { safeHref } from '../lib/events';
import {
  actionForm, Drafts, fold, submitActionForm, trackFolds, type ActionFormSpec,
} from '../lib/forms';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import {
  kindLabel, levelLabel, modeLabel, statusLabel, stepLabel, type Label,
} from '../lib/labels';
import { CommunityNames } from '../lib/names';
import { renderSignIn, requireSession, signOut } from '../lib/signin';
import type { ModeProgress } from '../lib/steps';
import { deadlineEl, startDeadlineTicker } from '../lib/ticker';
import { lastSeq, renderTimeline } from '../lib/timeline';
import type {
  CadreView, CaseActionRequest, CaseStatus, CaseUpdated, CaseView, RosterEntry, RosterUpdated,
} from '../lib/types';

const pageMessage = byId<HTMLParagraphElement>('page-message');
const signinSection = byId<HTMLElement>('signin');
const cadreSection = byId<HTMLElement>('cadre-section');
const connectionState = byId<HTMLElement>('connection-state');
const dutyToggle = byId<HTMLButtonElement>('duty-toggle');
const assignmentsList = byId<HTMLUListElement>('assignments');
const toast = byId<HTMLElement>('toast');

const STATUS_ORDER: Record<CaseStatus, number> = {
  assigned: 0, acknowledged: 1, accepted: 2, submitted: 3, resolved: 4, closed: 5,
};

const session = requireSession(signinSection);
const names = new CommunityNames();
let cadre: CadreView | null = null;
let hub: HubHandle | null = null;
/** Set when the server refused the token or the cadre: no point in going live. */
let refused = false;
/** Half-typed notes and reasons survive re-renders. */
const drafts = new Drafts();
/** Folded forms (decline, escalate, timeline) left open, by `caseId:name`. */
const folds = new Set<string>();
/** The last outcome shown on a case (kept across re-renders until the next action). */
const caseMessages = new Map<string, { text: string; kind: 'error' | 'ok' }>();
/** `caseId:seq` of assignment events already announced, so a replay does not beep twice. */
const announced = new Set<string>();
/** Cases to highlight on the next render. */
const flashIds = new Set<string>();

const refresh = coalesce(async () => {
  if (!session) return;
  try {
    const view = await getCadre(session.token, session.claims.sub);
    cadre = view;
    await names.load(view.communityId);
    render();
    if (pageMessage.dataset['kind'] === 'error') setMessage(pageMessage, null);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) refused = true;
    if (!handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
  }
});

if (session) void init();

async function init(): Promise<void> {
  if (!session) return;
  byId('signout').hidden = false;
  byId('signout').addEventListener('click', signOut);
  if (session.claims.role && session.claims.role !== 'cadre') {
    setMessage(pageMessage, '此页面供社区干部使用 · This page is for cadres; your token is not a cadre token.', 'info');
  }
  dutyToggle.addEventListener('click', () => void toggleDuty());
  assignmentsList.addEventListener('click', (event) => void onListClick(event));
  assignmentsList.addEventListener('submit', (event) => onListSubmit(event));
  drafts.listen(assignmentsList);
  trackFolds(assignmentsList, folds);
  unlockAudioOnGesture(() => { byId('sound-hint').hidden = true; });
  startDeadlineTicker();

  setMessage(pageMessage, '正在加载… Loading…');
  await refresh();
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
    // The server joins us to our cadre group on connect; catch up on whatever we missed.
    onConnected: () => refresh(),
    onUnauthorized: () => expireSession(),
  });
}

function onCaseUpdated(update: CaseUpdated): void {
  if (!session) return;
  const me = session.claims.sub;
  const forMe = update.assigneeId === undefined || update.assigneeId === null
    ? update.status === 'assigned'
    : update.assigneeId === me;
  const type = update.event?.type;
  if ((type === 'assigned' || type === 'reassigned') && forMe) {
    const key = `${update.caseId}:${update.seq}`;
    if (!announced.has(key)) {
      announced.add(key);
      flashIds.add(update.caseId);
      beep();
      showToast('新派单 · New case assigned to you');
    }
  } else if (forMe && (type === 'ledThroughConfirmed' || type === 'receiptConfirmed' || type === 'consentRecorded')
    && update.event.actor === 'resident') {
    flashIds.add(update.caseId);
    showToast('居民已确认，可以继续办理 · The resident confirmed: you can carry on');
  }
  // Simple and correct: the server's view of our queue is the truth.
  void refresh();
}

function onRosterUpdated(entry: RosterUpdated): void {
  if (!cadre || entry.id !== cadre.id) return;
  const loadChanged = entry.load !== cadre.load;
  cadre = { ...cadre, onDuty: entry.onDuty, load: entry.load, categories: entry.categories ?? cadre.categories };
  renderHeader();
  // A case taken away from us (reassigned) is pushed to us too; the load also tells us.
  if (loadChanged) void refresh();
}

/** Returns true when the error meant the token is no good (and the page went back to sign-in). */
function handleAuthError(err: unknown): boolean {
  if (err instanceof ApiError && err.status === 401) {
    expireSession();
    return true;
  }
  return false;
}

function expireSession(): void {
  refused = true;
  void hub?.stop();
  hub = null;
  cadreSection.hidden = true;
  connectionState.hidden = true;
  setMessage(pageMessage, null);
  renderSignIn(signinSection, '登录已失效，请重新登录 · Your sign-in has expired, please sign in again.');
}

function render(): void {
  if (!cadre) return;
  cadreSection.hidden = false;
  cadreSection.dataset['cadreId'] = cadre.id;
  renderHeader();
  renderAssignments(cadre.assignments);
  byId('sound-hint').hidden = soundReady();
}

function renderHeader(): void {
  if (!cadre) return;
  byId('cadre-name').replaceChildren(
    cadre.name, ' ',
    h('small', { class: 'en' }, names.name ? `${names.name} ${names.nameEn ?? ''}` : cadre.communityId),
  );
  const onDuty = cadre.onDuty;
  const state = byId('duty-state');
  state.dataset['onDuty'] = String(onDuty);
  state.replaceChildren(onDuty ? bi('值班中', 'On duty') : bi('未值班', 'Off duty'));
  dutyToggle.setAttribute('aria-pressed', String(onDuty));
  dutyToggle.dataset['onDuty'] = String(onDuty);
  dutyToggle.replaceChildren(onDuty ? bi('下班', 'Go off duty') : bi('上班值守', 'Go on duty'));
  byId('cadre-load').textContent = String(cadre.load);
  byId('cadre-categories').textContent = cadre.categories.map((c) => names.category(c)).join('、') || '—';
}

function caseSignature(c: CaseView): string {
  return JSON.stringify([c, names.name, caseMessages.get(c.caseId) ?? null]);
}

function renderAssignments(cases: CaseView[]): void {
  const sorted = [...cases].sort((a, b) =>
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || a.submittedAt.localeCompare(b.submittedAt));
  const existing = new Map<string, HTMLLIElement>();
  assignmentsList.querySelectorAll<HTMLLIElement>(':scope > li[data-case-id]').forEach((li) => {
    existing.set(li.dataset['caseId'] ?? '', li);
  });
  const focus = focusedId(assignmentsList);

  const items = sorted.map((c) => {
    const old = existing.get(c.caseId);
    const signature = caseSignature(c);
    if (old && old.dataset['signature'] === signature) return old; // keep focus and typing intact
    return renderCase(c, signature);
  });
  reconcileChildren(assignmentsList, items);
  restoreFocus(focus);

  for (const id of flashIds) {
    const li = assignmentsList.querySelector<HTMLElement>(`li[data-case-id="${CSS.escape(id)}"]`);
    if (li) {
      li.classList.remove('flash');
      void li.offsetWidth; // restart the animation
      li.classList.add('flash');
      flashIds.delete(id);
    }
  }
  const open = cases.filter((c) => c.status === 'assigned' || c.status === 'acknowledged').length;
  byId('assignment-count').textContent = `(${open})`;
  byId('assignments-empty').hidden = cases.length > 0;
}

// ── One case ───────────────────────────────────────────────────────────────────────────────────

function renderCase(c: CaseView, signature: string): HTMLLIElement {
  const me = cadre?.id ?? session?.claims.sub ?? '';
  const plan = cadreActions(c, me);
  const status = statusLabel(c.status);
  const kind = kindLabel(c.kind);
  const mode = c.mode ? modeLabel(c.mode) : null;
  const level = levelLabel(c.level);
  const message = caseMessages.get(c.caseId);

  return h('li', {
    class: 'case-item', 'data-case-id': c.caseId, 'data-status': c.status, 'data-mode': c.mode ?? '',
    'data-level': c.level ?? 'community', 'data-signature': signature,
  },
    h('div', { class: 'case-head' },
      h('h3', { class: 'case-category' }, names.category(c.category)),
      h('span', { class: 'pills' },
        c.level && c.level !== 'community'
          ? h('span', { class: 'pill level', 'data-level': c.level }, bi(level.zh, level.en)) : null,
        h('span', { class: 'pill', 'data-status': c.status }, bi(status.zh, status.en)),
      ),
    ),
    h('p', { class: 'case-deadline' }, deadlineEl(relevantDeadline(c))),
    h('div', { class: 'case-meta' },
      h('span', { class: 'case-place' }, names.place(c.location)), ' · ',
      bi(kind.zh, kind.en),
      mode ? ' · ' : null, mode ? h('strong', { class: 'case-mode' }, bi(mode.zh, mode.en)) : null,
      ' · ', timeEl(c.submittedAt),
    ),
    c.reopenCount > 0
      ? h('p', { class: 'message', 'data-kind': 'info' },
        bi(`居民不满意，第 ${c.reopenCount} 次重新办理`, `Reopened: the resident was not satisfied (round ${c.reopenCount})`))
      : null,
    h('p', { class: 'description' }, c.description),
    c.contact ? h('p', { class: 'case-contact' },
      bi('联系人', 'Contact'), ': ', c.contact.name, ' ',
      c.contact.phone ? h('a', { href: `tel:${c.contact.phone.replace(/[^\d+]/g, '')}`, class: 'case-phone' }, c.contact.phone) : null,
    ) : null,
    plan.progress && (c.status === 'acknowledged' || plan.progress.steps.some((s) => s.done))
      ? stepsList(c, plan.progress) : null,
    plan.waitingFor ? waitingNote(plan) : null,
    actionsFor(c, plan),
    h('p', {
      class: 'message case-message', role: 'alert', hidden: !message,
      'data-kind': message?.kind ?? 'info',
    }, message?.text ?? ''),
    fold('timeline', c.caseId, { zh: '办理经过', en: 'Timeline' }, folds, renderTimeline(c.timeline)),
    h('p', { class: 'mono muted case-id' }, c.caseId),
  );
}

/** The mode's steps with what is done (✓), what comes next (●) and what is later (○). */
function stepsList(c: CaseView, progress: ModeProgress): HTMLOListElement {
  return h('ol', { class: 'steps', 'data-steps-for': c.caseId },
    ...progress.steps.map((step) => {
      const label = stepLabel(step.type);
      const state = step.done ? 'done' : step.next ? 'next' : 'later';
      const arranged = step.type === 'accompanimentArranged' && step.event ? parseAccompaniment(step.event.note) : null;
      return h('li', {
        class: 'step', 'data-step': step.type, 'data-done': String(step.done), 'data-state': state, 'data-taker': step.taker,
      },
        h('span', { class: 'step-mark', 'aria-hidden': 'true' }, step.done ? '✓' : step.next ? '●' : '○'),
        h('span', { class: 'step-body' },
          bi(label.zh, label.en),
          step.taker === 'resident' ? h('span', { class: 'step-taker' }, ' · ', bi('居民确认', 'by the resident')) : null,
          step.optional ? h('span', { class: 'optional' }, ' 可选 optional') : null,
          step.event ? h('span', { class: 'step-when muted' }, ' · ', formatTime(step.event.at)) : null,
          arranged ? h('span', { class: 'step-detail' }, ` · ${[arranged.whenText, arranged.where, arranged.office].filter(Boolean).join(' · ')}`) : null,
        ),
      );
    }));
}

function waitingNote(plan: CadrePlan): HTMLElement {
  const step = stepLabel(plan.waitingFor);
  return h('p', { class: 'message waiting-note', 'data-waiting-for': plan.waitingFor ?? '' },
    bi(`等待居民确认：${step.zh}`, `Waiting for the resident: ${step.en}`),
    h('br'),
    h('small', {}, bi('居民在跟踪链接里确认后，这里会自动更新。', 'This updates by itself once they confirm on their tracking link.')));
}

const NOTE_MAX = 2000;

function actionsFor(c: CaseView, plan: CadrePlan): HTMLElement {
  const has = (a: CadreAction): boolean => plan.actions.includes(a);
  const form = (spec: Omit<ActionFormSpec, 'caseId'>): HTMLFormElement => actionForm({ ...spec, caseId: c.caseId }, drafts);
  const box = h('div', { class: 'case-actions' });

  if (has('acknowledge')) {
    box.append(h('button', { type: 'button', class: 'block', 'data-action': 'acknowledge', 'data-case-id': c.caseId }, bi('接单', 'Acknowledge')));
  }
  if (has('start')) {
    box.append(h('button', { type: 'button', class: 'block secondary', 'data-action': 'start', 'data-case-id': c.caseId },
      bi('开始办理（可选）', 'Start work (optional)')));
  }
  if (has('accompaniment')) {
    box.append(form({
      form: 'accompaniment',
      intro: { zh: '和居民约好时间地点，陪同去办。', en: 'Agree a time and place with the resident and go with them.' },
      fields: [
        { name: 'when', type: 'datetime-local', required: true, label: { zh: '时间', en: 'When' }, min: toLocalInputValue(new Date()) },
        { name: 'where', type: 'text', required: true, label: { zh: '地点', en: 'Where' }, placeholder: '如：社区服务大厅 e.g. community service hall' },
        { name: 'office', type: 'text', required: true, label: { zh: '办理事项/窗口', en: 'Office or procedure' }, placeholder: '如：业委会备案 e.g. owners’ committee filing' },
      ],
      submit: { zh: '约定陪同', en: 'Arrange accompaniment' },
    }));
  }
  if (has('consent')) {
    box.append(form({
      form: 'consent',
      intro: { zh: '居民当面同意由您代办后记录（居民也可在跟踪链接里自己同意）。', en: 'Record once the resident agreed in person (they can also agree on their tracking link).' },
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: { zh: '同意情况', en: 'Consent' }, placeholder: '如：居民当面口头同意并签字 e.g. agreed in person and signed' }],
      submit: { zh: '记录居民同意', en: 'Record consent' },
    }));
  }
  if (has('documents')) {
    box.append(form({
      form: 'documents',
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: { zh: '收取的材料', en: 'Documents received' }, placeholder: '如：身份证复印件、房产证复印件 e.g. ID copy, deed copy' }],
      submit: { zh: '材料已交接', en: 'Documents handed over' },
    }));
  }
  if (has('result')) {
    box.append(form({
      form: 'result',
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: { zh: '交给居民的结果', en: 'Result handed to the resident' }, placeholder: '如：已办好的证件 e.g. the issued certificate' }],
      submit: { zh: '结果已交付', en: 'Result handed over' },
    }));
  }
  if (has('resolve')) {
    box.append(form({
      form: 'resolve', className: 'resolve-form',
      fields: [
        { name: 'note', id: `note-${c.caseId}`, required: true, maxlength: NOTE_MAX, label: { zh: '办结说明', en: 'Resolution note' }, placeholder: '怎么办的、结果如何 What was done, and the outcome' },
        { name: 'photoUrl', type: 'url', maxlength: 2000, label: { zh: '现场照片链接', en: 'Photo link' }, placeholder: 'https://…' },
      ],
      submit: { zh: '办结', en: 'Resolve' },
    }));
  } else if (c.status === 'acknowledged' && plan.progress?.missing && !plan.waitingFor) {
    const missing = stepLabel(plan.progress.missing);
    box.append(h('p', { class: 'hint', 'data-resolve-blocked': plan.progress.missing },
      bi(`办结前还需：${missing.zh}`, `Before resolving: ${missing.en}`)));
  }
  if (has('decline')) {
    box.append(fold('decline', c.caseId, { zh: '婉拒', en: 'Decline' }, folds, form({
      form: 'decline', secondary: true,
      fields: [{ name: 'reason', required: true, maxlength: NOTE_MAX, label: { zh: '婉拒原因（给调度员看）', en: 'Reason (for the dispatcher)' } }],
      submit: { zh: '确认婉拒', en: 'Decline' },
    })));
  }
  if (has('escalate')) {
    box.append(fold('escalate', c.caseId, { zh: '上报上级', en: 'Escalate' }, folds, form({
      form: 'escalate', secondary: true,
      intro: { zh: '本级解决不了时上报，写清原因。', en: 'When it cannot be settled at this level; say why.' },
      fields: [{ name: 'reason', required: true, maxlength: NOTE_MAX, label: { zh: '上报原因', en: 'Reason' } }],
      submit: { zh: '上报', en: 'Escalate' },
    })));
  }
  return box;
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────

const DONE_WORDS: Partial<Record<CaseActionRoute, Label>> = {
  acknowledge: { zh: '已接单', en: 'Acknowledged' },
  decline: { zh: '已婉拒，已退回调度', en: 'Declined; back to dispatch' },
  start: { zh: '已开始办理', en: 'Work started' },
  accompaniment: { zh: '已约定陪同，等待居民确认', en: 'Arranged; waiting for the resident' },
  consent: { zh: '已记录居民同意', en: 'Consent recorded' },
  documents: { zh: '材料交接已记录', en: 'Documents recorded' },
  result: { zh: '结果交付已记录，等待居民确认收到', en: 'Result recorded; waiting for the resident' },
  resolve: { zh: '已办结', en: 'Resolved' },
  escalate: { zh: '已上报', en: 'Escalated' },
};

function findCase(caseId: string): CaseView | undefined {
  return cadre?.assignments.find((c) => c.caseId === caseId);
}

/** Send one action with the seq we know; show the outcome on the case; re-read the queue. */
async function perform(caseId: string, action: CaseActionRoute, body: CaseActionRequest): Promise<void> {
  if (!session) return;
  const known = findCase(caseId);
  const expectedSeq = known ? lastSeq(known.timeline) : undefined;
  const result = await caseAction(session.token, caseId, action, { ...body, expectedSeq });
  drafts.clearForm(caseId, action);
  caseMessages.delete(caseId);
  const words = DONE_WORDS[action];
  if (words) showToast(`${words.zh} · ${words.en}`);
  applyResult(result);
}

/** Put the case the server answered into the queue at once, then re-read the queue. */
function applyResult(c: CaseView): void {
  if (!cadre) return;
  const mine = c.assigneeId === cadre.id && c.status !== 'closed';
  const others = cadre.assignments.filter((a) => a.caseId !== c.caseId);
  cadre = { ...cadre, assignments: mine ? [...others, c] : others };
  render();
  void refresh();
}

function actionFailed(caseId: string, err: unknown): void {
  if (handleAuthError(err)) return;
  caseMessages.set(caseId, { text: describeError(err), kind: 'error' });
  render();
  // A refusal usually means the case moved on: show its latest state under the message.
  if (err instanceof ApiError && (err.status === 409 || err.status === 404 || err.status === 403)) void refresh();
}

async function onListClick(event: Event): Promise<void> {
  const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
  if (!button || button.type === 'submit' || !session || button.disabled) return;
  const action = button.dataset['action'];
  const caseId = button.dataset['caseId'] ?? '';
  if (action !== 'acknowledge' && action !== 'start') return;
  button.disabled = true;
  try {
    await perform(caseId, action, {});
  } catch (err) {
    button.disabled = false;
    actionFailed(caseId, err);
  }
}

/** Which request fields each form fills. */
function bodyFor(action: string, values: Record<string, string>): CaseActionRequest | null {
  switch (action) {
    case 'decline': case 'escalate': return { reason: values['reason'] };
    case 'consent': case 'documents': case 'result': return { note: values['note'] };
    case 'resolve': return values['photoUrl'] ? { note: values['note'], photoUrl: values['photoUrl'] } : { note: values['note'] };
    case 'accompaniment': return { when: localInputToIso(values['when'] ?? '') ?? '', where: values['where'], office: values['office'] };
    default: return null;
  }
}

function validate(action: string, values: Record<string, string>): Record<string, string> | null {
  if (action === 'accompaniment' && !localInputToIso(values['when'] ?? '')) {
    return { when: '请选择日期和时间 · Choose a date and time' };
  }
  if (action === 'resolve' && values['photoUrl'] && !safeHref(values['photoUrl'])) {
    return { photoUrl: '请填写以 https:// 开头的链接 · Use a link starting with https://' };
  }
  return null;
}

function onListSubmit(event: Event): void {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset['form']) return;
  event.preventDefault();
  const action = form.dataset['form'] as CaseActionRoute;
  const caseId = form.dataset['caseId'] ?? '';
  void submitActionForm({
    form,
    validate: (values) => validate(action, values),
    call: (values) => {
      const body = bodyFor(action, values);
      if (!body) return Promise.reject(new Error(`Unknown action ${action}`));
      return perform(caseId, action, body);
    },
    onSuccess: () => undefined,
    onError: (err) => actionFailed(caseId, err),
  });
}

async function toggleDuty(): Promise<void> {
  if (!session || !cadre || dutyToggle.disabled) return;
  dutyToggle.disabled = true;
  try {
    const entry: RosterEntry = await setDuty(session.token, cadre.id, !cadre.onDuty);
    cadre = { ...cadre, onDuty: entry.onDuty, load: entry.load };
    renderHeader();
  } catch (err) {
    if (!handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
  } finally {
    dutyToggle.disabled = false;
  }
}

let toastTimer: number | undefined;
function showToast(text: string): void {
  toast.textContent = text;
  toast.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => { toast.hidden = true; }, 4_000);
}
