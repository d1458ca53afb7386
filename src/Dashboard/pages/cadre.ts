// Field cadre: duty switch, own queue, acknowledge and resolve; live with a sound alert.
import {
  acknowledgeCase, ApiError, describeError, getCadre, resolveCase, setDuty,
} from '../lib/api';
import { beep, soundReady, unlockAudioOnGesture } from '../lib/beep';
import { coalesce } from '../lib/coalesce';
import { bi, byId, h, setMessage, timeEl } from '../lib/dom';
import { createHub, runHub, showConnectionState, type HubHandle } from '../lib/hub';
import { kindLabel, modeLabel, statusLabel } from '../lib/labels';
import { CommunityNames } from '../lib/names';
import { renderSignIn, requireSession, signOut } from '../lib/signin';
import type { CadreView, CaseStatus, CaseUpdated, CaseView, RosterEntry, RosterUpdated } from '../lib/types';

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
/** Resolve-note drafts survive re-renders. */
const drafts = new Map<string, string>();
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
  assignmentsList.addEventListener('submit', (event) => void onListSubmit(event));
  assignmentsList.addEventListener('input', (event) => {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement && target.name === 'note') {
      const caseId = target.closest<HTMLElement>('[data-case-id]')?.dataset['caseId'];
      if (caseId) drafts.set(caseId, target.value);
    }
  });
  unlockAudioOnGesture(() => { byId('sound-hint').hidden = true; });

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
  if (update.event?.type === 'assigned' && forMe) {
    const key = `${update.caseId}:${update.seq}`;
    if (!announced.has(key)) {
      announced.add(key);
      flashIds.add(update.caseId);
      beep();
      showToast('新派单 · New case assigned to you');
    }
  }
  // Simple and correct: the server's view of our queue is the truth.
  void refresh();
}

function onRosterUpdated(entry: RosterUpdated): void {
  if (!cadre || entry.id !== cadre.id) return;
  const loadChanged = entry.load !== cadre.load;
  cadre = { ...cadre, onDuty: entry.onDuty, load: entry.load, categories: entry.categories ?? cadre.categories };
  renderHeader();
  // A case taken away from us (reassigned) is pushed to the new cadre only; the load tells us.
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
  return JSON.stringify([c.status, c.mode, c.assigneeId, c.description, c.location, c.contact, c.category, c.timeline.length, names.name]);
}

function renderAssignments(cases: CaseView[]): void {
  const sorted = [...cases].sort((a, b) =>
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || a.submittedAt.localeCompare(b.submittedAt));
  const existing = new Map<string, HTMLLIElement>();
  assignmentsList.querySelectorAll<HTMLLIElement>(':scope > li[data-case-id]').forEach((li) => {
    existing.set(li.dataset['caseId'] ?? '', li);
  });
  const focusedId = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-case-id]')?.dataset['caseId'];

  const items = sorted.map((c) => {
    const old = existing.get(c.caseId);
    const signature = caseSignature(c);
    if (old && old.dataset['signature'] === signature) return old; // keep focus and typing intact
    return renderCase(c, signature);
  });
  assignmentsList.replaceChildren(...items);

  if (focusedId) {
    const note = assignmentsList.querySelector<HTMLTextAreaElement>(`li[data-case-id="${CSS.escape(focusedId)}"] textarea[name="note"]`);
    if (note && document.activeElement !== note && document.activeElement === document.body) note.focus();
  }
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

function renderCase(c: CaseView, signature: string): HTMLLIElement {
  const status = statusLabel(c.status);
  const kind = kindLabel(c.kind);
  const mode = c.mode ? modeLabel(c.mode) : null;
  const li = h('li', {
    class: 'case-item', 'data-case-id': c.caseId, 'data-status': c.status, 'data-signature': signature,
  },
    h('div', { class: 'case-head' },
      h('h3', { class: 'case-category' }, names.category(c.category)),
      h('span', { class: 'pill', 'data-status': c.status }, bi(status.zh, status.en)),
    ),
    h('div', { class: 'case-meta' },
      h('span', { class: 'case-place' }, names.place(c.location)), ' · ',
      bi(kind.zh, kind.en),
      mode ? ' · ' : null, mode ? bi(mode.zh, mode.en) : null,
      ' · ', timeEl(c.submittedAt),
    ),
    h('p', { class: 'description' }, c.description),
    c.contact ? h('p', { class: 'case-contact' },
      bi('联系人', 'Contact'), ': ', c.contact.name, ' ',
      c.contact.phone ? h('a', { href: `tel:${c.contact.phone.replace(/[^\d+]/g, '')}`, class: 'case-phone' }, c.contact.phone) : null,
    ) : null,
    h('p', { class: 'message case-message', role: 'alert', hidden: true }),
    h('p', { class: 'mono muted', style: 'font-size:0.8rem;margin:0' }, c.caseId),
  );
  const message = li.querySelector<HTMLElement>('.case-message');

  if (c.status === 'assigned') {
    li.insertBefore(
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'block', 'data-action': 'acknowledge', 'data-case-id': c.caseId }, bi('接单', 'Acknowledge')),
      ),
      message,
    );
  } else if (c.status === 'acknowledged') {
    const note = h('textarea', {
      name: 'note', rows: 3, maxlength: 2000, required: true, id: `note-${c.caseId}`,
      placeholder: '怎么办的、结果如何 What was done, and the outcome',
    });
    note.value = drafts.get(c.caseId) ?? '';
    li.insertBefore(
      h('form', { class: 'resolve-form', 'data-case-id': c.caseId, novalidate: true },
        h('div', { class: 'field' },
          h('label', { for: `note-${c.caseId}` }, bi('办结说明', 'Resolution note')),
          note,
          h('p', { class: 'field-error', 'data-error-for': 'note' }),
        ),
        h('button', { type: 'submit', class: 'block', 'data-action': 'resolve', 'data-case-id': c.caseId }, bi('办结', 'Resolve')),
      ),
      message,
    );
  }
  return li;
}

async function onListClick(event: Event): Promise<void> {
  const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action="acknowledge"]');
  if (!button || !session || button.disabled) return;
  const caseId = button.dataset['caseId'] ?? '';
  const li = button.closest<HTMLElement>('li[data-case-id]');
  button.disabled = true;
  try {
    await acknowledgeCase(session.token, caseId);
    await refresh();
  } catch (err) {
    if (!handleAuthError(err)) {
      showItemError(li, err);
      button.disabled = false;
      if (err instanceof ApiError && err.status === 409) void refresh();
    }
  }
}

async function onListSubmit(event: Event): Promise<void> {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.classList.contains('resolve-form')) return;
  event.preventDefault();
  if (!session) return;
  const caseId = form.dataset['caseId'] ?? '';
  const li = form.closest<HTMLElement>('li[data-case-id]');
  const noteEl = form.querySelector<HTMLTextAreaElement>('textarea[name="note"]');
  const errorEl = form.querySelector<HTMLElement>('[data-error-for="note"]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const note = noteEl?.value.trim() ?? '';
  if (errorEl) errorEl.textContent = '';
  noteEl?.removeAttribute('aria-invalid');
  if (!note) {
    if (errorEl) errorEl.textContent = '请写办结说明 · Write what was done.';
    noteEl?.setAttribute('aria-invalid', 'true');
    noteEl?.focus();
    return;
  }
  if (button?.disabled) return;
  if (button) button.disabled = true;
  try {
    await resolveCase(session.token, caseId, note);
    drafts.delete(caseId);
    await refresh();
  } catch (err) {
    if (handleAuthError(err)) return;
    const fieldErrors = err instanceof ApiError ? err.fieldErrors : {};
    if (err instanceof ApiError && err.status === 400 && fieldErrors['note'] && errorEl) {
      errorEl.textContent = fieldErrors['note'].join(' ');
      noteEl?.setAttribute('aria-invalid', 'true');
    } else {
      showItemError(li, err);
    }
    if (button) button.disabled = false;
    if (err instanceof ApiError && err.status === 409) void refresh();
  }
}

function showItemError(li: HTMLElement | null, err: unknown): void {
  const el = li?.querySelector<HTMLElement>('.case-message');
  if (el) setMessage(el, describeError(err), 'error');
  else setMessage(pageMessage, describeError(err), 'error');
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
