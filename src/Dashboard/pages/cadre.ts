// Field cadre: duty switch and own queue, live with a sound alert. Per case, the actions its
// state and mode allow: acknowledge or decline an offer; then the mode's steps (马上办 start and
// resolve; 领着办 arrange the accompaniment, wait for the resident, resolve; 代为办 consent,
// documents, result, wait for the resident's receipt, resolve); escalate with a reason. Every
// action carries the case's last seq we know (`expectedSeq`), so a stale page is refused (409)
// rather than acting on a case that moved on. Every text comes from locales/{zh,en}/cadre.json;
// a new assignment also raises a system notification where the browser allows it; after a
// network drop the page catches up by itself and says what changed meanwhile.
import {
  ApiError, caseAction, describeError, getCadre, getCase, setDuty, type CaseActionRoute,
} from '../lib/api';
import { cadreActions, type CadreAction, type CadrePlan } from '../lib/actions';
import { beep, soundReady, unlockAudioOnGesture } from '../lib/beep';
import { offlineChanges, summariseChanges, type OfflineChange } from '../lib/cadre-diff';
import { notificationState, notify, requestNotifications } from '../lib/cadre-notify';
import { coalesce } from '../lib/coalesce';
import { toLocalInputValue, localInputToIso, parseAccompaniment } from '../lib/datetime';
import { relevantDeadline } from '../lib/deadlines';
import {
  byId, focusedId, h, reconcileChildren, restoreFocus, setMessage,
} from '../lib/dom';
import { safeHref } from '../lib/events';
import {
  actionForm, Drafts, fold, submitActionForm, trackFolds, type ActionFormSpec,
} from '../lib/forms';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import {
  formatDateTime, locale, mountLanguageSwitch, onLocaleChange, t, translateDocument,
} from '../lib/i18n';
import {
  kindText, levelText, modeText, statusText, stepText,
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

const tx = (key: string, params?: Record<string, string | number>): string => t(`cadre.${key}`, params);

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

/** Set while the hub is down after having been up: the next connect compares before and after. */
let shownBeforeDrop: CaseView[] | null = null;

const refresh = coalesce(async () => {
  if (!session) return;
  try {
    const view = await getCadre(session.token, session.claims.sub);
    const before = shownBeforeDrop;
    shownBeforeDrop = null;
    cadre = view;
    if (before) void reportOfflineChanges(before, view);
    await names.load(view.communityId);
    render();
    if (pageMessage.dataset['kind'] === 'error') setMessage(pageMessage, null);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) refused = true;
    if (!handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
  }
});

const topbarRight = byId('topbar-right');
mountLanguageSwitch(topbarRight);
topbarRight.insertBefore(byId('language-switch'), byId('signout'));
onLocaleChange(() => {
  translateDocument();
  renderNotifyState();
  if (cadre) render();
  if (lastChanges) renderOfflineSummary(lastChanges);
});
translateDocument();

if (session) void init();

async function init(): Promise<void> {
  if (!session) return;
  byId('signout').hidden = false;
  byId('signout').addEventListener('click', signOut);
  if (session.claims.role && session.claims.role !== 'cadre') setMessage(pageMessage, tx('notCadre'), 'info');
  byId('notify-enable').addEventListener('click', () => void enableNotifications());
  byId('offline-dismiss').addEventListener('click', () => { byId('offline-summary').hidden = true; lastChanges = null; });
  renderNotifyState();
  dutyToggle.addEventListener('click', () => void toggleDuty());
  assignmentsList.addEventListener('click', (event) => void onListClick(event));
  assignmentsList.addEventListener('submit', (event) => onListSubmit(event));
  drafts.listen(assignmentsList);
  trackFolds(assignmentsList, folds);
  unlockAudioOnGesture(() => { byId('sound-hint').hidden = true; });
  startDeadlineTicker();

  setMessage(pageMessage, tx('loading'));
  await refresh();
  if (pageMessage.textContent === tx('loading')) setMessage(pageMessage, null);
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
    onStateChange: (state) => {
      showConnectionState(connectionState, state);
      // Remember what the page showed when the line dropped, to say what changed meanwhile.
      if ((state === 'reconnecting' || state === 'disconnected') && cadre && !shownBeforeDrop) shownBeforeDrop = cadre.assignments;
    },
    // The server joins us to our cadre group on connect; catch up on whatever we missed.
    onConnected: (reconnected) => {
      if (reconnected && cadre && !shownBeforeDrop) shownBeforeDrop = cadre.assignments;
      return refresh();
    },
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
      showToast(tx('newCase'));
      announcePending.add(update.caseId);
    }
  } else if (forMe && (type === 'ledThroughConfirmed' || type === 'receiptConfirmed' || type === 'consentRecorded')
    && update.event.actor === 'resident') {
    flashIds.add(update.caseId);
    showToast(tx('residentConfirmed'));
  }
  // Simple and correct: the server's view of our queue is the truth.
  void refresh();
}

/** Cases announced by sound whose system notification waits for the fresh queue (category, place). */
const announcePending = new Set<string>();

function notifyPending(): void {
  if (!cadre) return;
  for (const id of [...announcePending]) {
    const c = cadre.assignments.find((a) => a.caseId === id);
    if (!c) continue;
    announcePending.delete(id);
    notify(tx('newCase'), tx('newCaseBody', { category: names.category(c.category), place: names.place(c.location) || '—' }), id);
  }
}

async function enableNotifications(): Promise<void> {
  await requestNotifications();
  renderNotifyState();
}

function renderNotifyState(): void {
  const state = notificationState();
  const row = byId('notify-row');
  row.hidden = state === 'unsupported';
  byId('notify-enable').hidden = state !== 'default';
  const el = byId('notify-state');
  el.dataset['permission'] = state;
  el.textContent = state === 'granted' ? tx('notifyOn') : state === 'denied' ? tx('notifyDenied') : '';
}

// ── While you were offline ─────────────────────────────────────────────────────────────────────

let lastChanges: OfflineChange[] | null = null;

async function reportOfflineChanges(before: CaseView[], after: CadreView): Promise<void> {
  if (!session) return;
  const now = new Set(after.assignments.map((c) => c.caseId));
  // Why a case left us: read it when we still may (a refusal leaves it "no longer yours").
  const gone = new Map<string, CaseView | null>();
  await Promise.all(before.filter((c) => !now.has(c.caseId) && c.status !== 'closed').map(async (c) => {
    try {
      gone.set(c.caseId, await getCase(session.token, c.caseId));
    } catch {
      gone.set(c.caseId, null);
    }
  }));
  const changes = offlineChanges(before, after.assignments, after.id, gone);
  if (changes.length === 0) return;
  lastChanges = changes;
  renderOfflineSummary(changes);
  for (const c of changes) if (c.kind === 'newAssignment') flashIds.add(c.caseId);
  if (changes.some((c) => c.kind === 'newAssignment')) {
    beep();
    notify(tx('offline.title'), summaryLines(changes).join(' · '), 'offline');
  }
  render();
}

function summaryLines(changes: readonly OfflineChange[]): string[] {
  return summariseChanges(changes).map(({ kind, count }) => tx(`offline.${kind}`, { count }));
}

function renderOfflineSummary(changes: readonly OfflineChange[]): void {
  const box = byId('offline-summary');
  const list = byId('offline-changes');
  list.replaceChildren(...summariseChanges(changes).map(({ kind, count }) =>
    h('li', { 'data-change': kind, 'data-count': count }, tx(`offline.${kind}`, { count }),
      ' ', h('span', { class: 'muted mono' }, changes.filter((c) => c.kind === kind).map((c) => c.caseId).join(' ')))));
  box.dataset['changes'] = String(changes.length);
  box.hidden = false;
}

let rosterVersion = 0;

function onRosterUpdated(entry: RosterUpdated): void {
  if (!cadre || entry.id !== cadre.id) return;
  // Pushes may arrive out of order; keep the newest.
  if (entry.version !== undefined && entry.version < rosterVersion) return;
  rosterVersion = entry.version ?? rosterVersion;
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
  renderSignIn(signinSection, 'cadre.expired');
}

function render(): void {
  if (!cadre) return;
  cadreSection.hidden = false;
  cadreSection.dataset['cadreId'] = cadre.id;
  renderHeader();
  renderAssignments(cadre.assignments);
  byId('sound-hint').hidden = soundReady();
  notifyPending();
}

function renderHeader(): void {
  if (!cadre) return;
  byId('cadre-name').replaceChildren(
    cadre.name, ' ',
    h('small', { class: 'muted' }, (locale() === 'en' ? names.nameEn : names.name) ?? names.name ?? cadre.communityId),
  );
  const onDuty = cadre.onDuty;
  const state = byId('duty-state');
  state.dataset['onDuty'] = String(onDuty);
  state.textContent = onDuty ? tx('onDuty') : tx('offDuty');
  dutyToggle.setAttribute('aria-pressed', String(onDuty));
  dutyToggle.dataset['onDuty'] = String(onDuty);
  dutyToggle.textContent = onDuty ? tx('goOffDuty') : tx('goOnDuty');
  byId('cadre-load').textContent = String(cadre.load);
  byId('cadre-categories').textContent = cadre.categories.map((c) => names.category(c)).join(t('common.listSeparator')) || t('common.none');
}

function caseSignature(c: CaseView): string {
  return JSON.stringify([c, names.name, caseMessages.get(c.caseId) ?? null, locale()]);
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
  const status = statusText(c.status);
  const kind = kindText(c.kind);
  const mode = c.mode ? modeText(c.mode) : null;
  const level = levelText(c.level);
  const message = caseMessages.get(c.caseId);

  return h('li', {
    class: 'case-item', 'data-case-id': c.caseId, 'data-status': c.status, 'data-mode': c.mode ?? '',
    'data-level': c.level ?? 'community', 'data-signature': signature,
  },
    h('div', { class: 'case-head' },
      h('h3', { class: 'case-category' }, names.category(c.category)),
      h('span', { class: 'pills' },
        c.level && c.level !== 'community'
          ? h('span', { class: 'pill level', 'data-level': c.level }, level) : null,
        h('span', { class: 'pill', 'data-status': c.status }, status),
      ),
    ),
    h('p', { class: 'case-deadline' }, deadlineEl(relevantDeadline(c))),
    h('div', { class: 'case-meta' },
      h('span', { class: 'case-place' }, names.place(c.location)), ' · ',
      kind,
      mode ? ' · ' : null, mode ? h('strong', { class: 'case-mode' }, mode) : null,
      ' · ', h('time', { datetime: c.submittedAt }, formatDateTime(c.submittedAt)),
    ),
    c.reopenCount > 0
      ? h('p', { class: 'message', 'data-kind': 'info' }, tx('reopened', { count: c.reopenCount }))
      : null,
    h('p', { class: 'description' }, c.description),
    c.contact ? h('p', { class: 'case-contact' },
      tx('contact'), ': ', c.contact.name, ' ',
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
    fold('timeline', c.caseId, tx('timeline'), folds,
      renderTimeline(c.timeline, undefined, { audience: 'staff', owner: (id) => names.owner(id) })),
    h('p', { class: 'mono muted case-id' }, c.caseId),
  );
}

/** The mode's steps with what is done (✓), what comes next (●) and what is later (○). */
function stepsList(c: CaseView, progress: ModeProgress): HTMLOListElement {
  return h('ol', { class: 'steps', 'data-steps-for': c.caseId },
    ...progress.steps.map((step) => {
      const label = stepText(step.type);
      const state = step.done ? 'done' : step.next ? 'next' : 'later';
      const arranged = step.type === 'accompanimentArranged' && step.event ? parseAccompaniment(step.event.note) : null;
      return h('li', {
        class: 'step', 'data-step': step.type, 'data-done': String(step.done), 'data-state': state, 'data-taker': step.taker,
      },
        h('span', { class: 'step-mark', 'aria-hidden': 'true' }, step.done ? '✓' : step.next ? '●' : '○'),
        h('span', { class: 'step-body' },
          label,
          step.taker === 'resident' ? h('span', { class: 'step-taker' }, ' · ', tx('byResident')) : null,
          step.optional ? h('span', { class: 'optional' }, ` ${tx('optional')}`) : null,
          step.event ? h('span', { class: 'step-when muted' }, ' · ', formatDateTime(step.event.at)) : null,
          arranged ? h('span', { class: 'step-detail' }, ` · ${[arranged.whenText, arranged.where, arranged.office].filter(Boolean).join(' · ')}`) : null,
        ),
      );
    }));
}

function waitingNote(plan: CadrePlan): HTMLElement {
  const step = stepText(plan.waitingFor);
  return h('p', { class: 'message waiting-note', 'data-waiting-for': plan.waitingFor ?? '' },
    tx('waitingFor', { step }),
    h('br'),
    h('small', {}, tx('waitingHint')));
}

const NOTE_MAX = 2000;

function actionsFor(c: CaseView, plan: CadrePlan): HTMLElement {
  const has = (a: CadreAction): boolean => plan.actions.includes(a);
  const form = (spec: Omit<ActionFormSpec, 'caseId'>): HTMLFormElement => actionForm({ ...spec, caseId: c.caseId }, drafts);
  const box = h('div', { class: 'case-actions' });

  if (has('acknowledge')) {
    box.append(h('button', { type: 'button', class: 'block', 'data-action': 'acknowledge', 'data-case-id': c.caseId }, tx('act.acknowledge')));
  }
  if (has('start')) {
    box.append(h('button', { type: 'button', class: 'block secondary', 'data-action': 'start', 'data-case-id': c.caseId },
      tx('act.start')));
  }
  if (has('accompaniment')) {
    box.append(form({
      form: 'accompaniment',
      intro: tx('acc.intro'),
      fields: [
        { name: 'when', type: 'datetime-local', required: true, label: tx('acc.when'), min: toLocalInputValue(new Date()) },
        { name: 'where', type: 'text', required: true, label: tx('acc.where'), placeholder: tx('acc.wherePh') },
        { name: 'office', type: 'text', required: true, label: tx('acc.office'), placeholder: tx('acc.officePh') },
      ],
      submit: tx('acc.submit'),
    }));
  }
  if (has('consent')) {
    box.append(form({
      form: 'consent',
      intro: tx('consent.intro'),
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: tx('consent.label'), placeholder: tx('consent.ph') }],
      submit: tx('consent.submit'),
    }));
  }
  if (has('documents')) {
    box.append(form({
      form: 'documents',
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: tx('docs.label'), placeholder: tx('docs.ph') }],
      submit: tx('docs.submit'),
    }));
  }
  if (has('result')) {
    box.append(form({
      form: 'result',
      fields: [{ name: 'note', required: true, maxlength: NOTE_MAX, label: tx('result.label'), placeholder: tx('result.ph') }],
      submit: tx('result.submit'),
    }));
  }
  if (has('resolve')) {
    box.append(form({
      form: 'resolve', className: 'resolve-form',
      fields: [
        { name: 'note', id: `note-${c.caseId}`, required: true, maxlength: NOTE_MAX, label: tx('resolve.note'), placeholder: tx('resolve.notePh') },
        { name: 'photoUrl', type: 'url', maxlength: 2000, label: tx('resolve.photo'), placeholder: 'https://…' },
      ],
      submit: tx('resolve.submit'),
    }));
  } else if (c.status === 'acknowledged' && plan.progress?.missing && !plan.waitingFor) {
    const missing = stepText(plan.progress.missing);
    box.append(h('p', { class: 'hint', 'data-resolve-blocked': plan.progress.missing },
      tx('beforeResolve', { step: missing })));
  }
  if (has('decline')) {
    box.append(fold('decline', c.caseId, tx('decline'), folds, form({
      form: 'decline', secondary: true,
      fields: [{ name: 'reason', required: true, maxlength: NOTE_MAX, label: tx('decline.reason') }],
      submit: tx('decline.submit'),
    })));
  }
  if (has('escalate')) {
    box.append(fold('escalate', c.caseId, tx('escalate'), folds, form({
      form: 'escalate', secondary: true,
      intro: tx('escalate.intro'),
      fields: [{ name: 'reason', required: true, maxlength: NOTE_MAX, label: tx('escalate.reason') }],
      submit: tx('escalate.submit'),
    })));
  }
  return box;
}

// ── Actions ────────────────────────────────────────────────────────────────────────────────────

const DONE_ACTIONS: ReadonlySet<CaseActionRoute> = new Set<CaseActionRoute>([
  'acknowledge', 'decline', 'start', 'accompaniment', 'consent', 'documents', 'result', 'resolve', 'escalate',
]);

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
  if (DONE_ACTIONS.has(action)) showToast(tx(`done.${action}`));
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
    return { when: tx('err.when') };
  }
  if (action === 'resolve' && values['photoUrl'] && !safeHref(values['photoUrl'])) {
    return { photoUrl: tx('err.photo') };
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
