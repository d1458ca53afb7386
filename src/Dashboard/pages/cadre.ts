// Field cadre: duty switch and own queue, live with a sound alert. Per case, the actions its
// state and mode allow (pages/cadre/case-item.ts); every action carries the case's last seq we
// know (`expectedSeq`), so a stale page is refused (409) rather than acting on a case that moved
// on. A new assignment beeps, shows a toast and raises a system notification where allowed; after
// a network drop the page catches up by itself and says what changed meanwhile. Every text comes
// from locales/{zh,en}/cadre.json.
import { ApiError, describeError, getCadre, setDuty, type CaseActionRoute } from '../lib/api';
import { beep, soundReady, unlockAudioOnGesture } from '../lib/beep';
import { notify } from '../lib/cadre-notify';
import { CaseActions } from '../lib/case-actions';
import { coalesce } from '../lib/coalesce';
import { localInputToIso } from '../lib/datetime';
import { byId, focusedId, h, reconcileChildren, restoreFocus, setMessage } from '../lib/dom';
import { Drafts, trackFolds } from '../lib/forms';
import { startLive } from '../lib/hub';
import { locale, onLocaleChange, t, translateDocument } from '../lib/i18n';
import { CommunityNames } from '../lib/names';
import { listenPhotoFields } from '../lib/photo-picker';
import { uploadCasePhoto } from '../lib/photo-upload';
import { StaffSession } from '../lib/session';
import { startDeadlineTicker } from '../lib/ticker';
import type { CadreView, CaseUpdated, CaseView, RosterUpdated } from '../lib/types';
import { renderCase, tx, type CaseItemParts } from './cadre/case-item';
import { Notices } from './cadre/notices';
import { OfflineSummary } from './cadre/offline';
import { CadreQueue, queueOrder } from './cadre/queue';

const pageMessage = byId<HTMLParagraphElement>('page-message');
const cadreSection = byId<HTMLElement>('cadre-section');
const connectionState = byId<HTMLElement>('connection-state');
const dutyToggle = byId<HTMLButtonElement>('duty-toggle');
const assignmentsList = byId<HTMLUListElement>('assignments');

/** Actions that say "done" in a toast. */
const DONE_ACTIONS: ReadonlySet<CaseActionRoute> = new Set<CaseActionRoute>([
  'acknowledge', 'decline', 'start', 'accompaniment', 'consent', 'documents', 'result', 'resolve', 'escalate',
]);

const session = new StaffSession({ expiredKey: 'cadre.expired', signin: byId('signin'), section: cadreSection, connectionState, pageMessage });
const queue = new CadreQueue(session.current?.claims.sub ?? '');
const names = new CommunityNames();
const parts: CaseItemParts = {
  me: '', names, messages: queue.messages, drafts: new Drafts(), folds: new Set<string>(),
  phone: { token: () => session.token, handleAuthError: (err) => session.handleAuthError(err) },
};
const notices = new Notices(queue, names);
const offline = new OfflineSummary();
const actions = new CaseActions({
  session, drafts: parts.drafts, messages: queue.messages,
  known: (caseId) => queue.find(caseId),
  done: (caseId, action, result) => {
    queue.messages.delete(caseId);
    if (DONE_ACTIONS.has(action)) notices.showToast(tx(`done.${action}`));
    // The answered case at once, then the queue as the server has it.
    queue.takeResult(result);
    render();
    void refresh();
  },
  changed: () => render(),
  // A refusal usually means the case moved on: show its latest state under the message.
  reread: () => void refresh(),
});

const refresh = coalesce(async () => {
  if (!session.current) return;
  try {
    const view = await getCadre(session.token, session.current.claims.sub);
    const before = queue.take(view);
    if (before) void reportOfflineChanges(before, view);
    await names.load(view.communityId);
    render();
    if (pageMessage.dataset['kind'] === 'error') setMessage(pageMessage, null);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) session.refused = true;
    if (!session.handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
  }
});

session.mountHeader();
onLocaleChange(() => {
  translateDocument();
  notices.renderState();
  if (queue.cadre) render();
  offline.render();
});
translateDocument();

if (session.current) void init();

async function init(): Promise<void> {
  const role = session.current?.claims.role;
  if (role && role !== 'cadre') setMessage(pageMessage, tx('notCadre'), 'info');
  notices.listen();
  dutyToggle.addEventListener('click', () => void toggleDuty());
  actions.listen(assignmentsList, {
    validate,
    click: (button) => {
      const action = button.dataset['action'];
      return action === 'acknowledge' || action === 'start' ? { action, body: {} } : null;
    },
  });
  parts.drafts.listen(assignmentsList);
  listenPhotoFields(assignmentsList, (photo, field) =>
    uploadCasePhoto(session.token, field.closest<HTMLElement>('[data-case-id]')?.dataset['caseId'] ?? '', photo));
  trackFolds(assignmentsList, parts.folds);
  unlockAudioOnGesture(() => { byId('sound-hint').hidden = true; });
  startDeadlineTicker();

  setMessage(pageMessage, tx('loading'));
  await refresh();
  if (pageMessage.textContent === tx('loading')) setMessage(pageMessage, null);
  // Even when the first load failed on the network, go live: every (re)connect re-fetches.
  if (session.refused) return;
  session.attachHub(startLive({
    accessToken: () => session.token,
    connectionState,
    on: {
      caseUpdated: (update: CaseUpdated) => onCaseUpdated(update),
      rosterUpdated: (entry: RosterUpdated) => onRosterUpdated(entry),
    },
    onStateChange: (state) => {
      // Remember what the page showed when the line dropped, to say what changed meanwhile.
      if (state === 'reconnecting' || state === 'disconnected') queue.rememberBeforeDrop();
    },
    // The server joins us to our cadre group on connect; catch up on whatever we missed.
    onConnected: (reconnected) => {
      if (reconnected) queue.rememberBeforeDrop();
      return refresh();
    },
    onUnauthorized: () => session.expire(),
  }));
}

function onCaseUpdated(update: CaseUpdated): void {
  const announcement = queue.announce(update);
  if (announcement === 'newCase') beep();
  if (announcement) notices.showToast(tx(announcement));
  // Simple and correct: the server's view of our queue is the truth.
  void refresh();
}

function onRosterUpdated(entry: RosterUpdated): void {
  const { changed, loadChanged } = queue.receiveRoster(entry);
  if (changed) renderHeader();
  // A case taken away from us (reassigned) is pushed to us too; the load also tells us.
  if (loadChanged) void refresh();
}

async function reportOfflineChanges(before: CaseView[], after: CadreView): Promise<void> {
  const changes = await offline.report(session.token, before, after);
  if (changes.length === 0) return;
  for (const c of changes) if (c.kind === 'newAssignment') queue.flashIds.add(c.caseId);
  if (changes.some((c) => c.kind === 'newAssignment')) {
    beep();
    notify(tx('offline.title'), OfflineSummary.lines(changes).join(' · '), 'offline');
  }
  render();
}

function render(): void {
  const cadre = queue.cadre;
  if (!cadre) return;
  cadreSection.hidden = false;
  cadreSection.dataset['cadreId'] = cadre.id;
  renderHeader();
  renderAssignments(cadre.assignments);
  byId('sound-hint').hidden = soundReady();
  notices.notifyPending();
}

function renderHeader(): void {
  const cadre = queue.cadre;
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

function renderAssignments(cases: CaseView[]): void {
  const existing = new Map<string, HTMLLIElement>();
  assignmentsList.querySelectorAll<HTMLLIElement>(':scope > li[data-case-id]').forEach((li) => {
    existing.set(li.dataset['caseId'] ?? '', li);
  });
  const focus = focusedId(assignmentsList);
  parts.me = queue.id;
  const items = [...cases].sort(queueOrder).map((c) => {
    const old = existing.get(c.caseId);
    const signature = JSON.stringify([c, names.name, queue.messages.get(c.caseId) ?? null, locale()]);
    if (old && old.dataset['signature'] === signature) return old; // keep focus and typing intact
    return renderCase(c, signature, parts);
  });
  reconcileChildren(assignmentsList, items);
  restoreFocus(focus);

  for (const id of queue.flashIds) {
    const li = assignmentsList.querySelector<HTMLElement>(`li[data-case-id="${CSS.escape(id)}"]`);
    if (!li) continue;
    li.classList.remove('flash');
    void li.offsetWidth; // restart the animation
    li.classList.add('flash');
    queue.flashIds.delete(id);
  }
  const open = cases.filter((c) => c.status === 'assigned' || c.status === 'acknowledged').length;
  byId('assignment-count').textContent = `(${open})`;
  byId('assignments-empty').hidden = cases.length > 0;
}

/** Client checks before a form goes: a time that reads as one. */
function validate(action: string, values: Record<string, string>): Record<string, string> | null {
  if (action === 'accompaniment' && !localInputToIso(values['when'] ?? '')) return { when: tx('err.when') };
  return null;
}

async function toggleDuty(): Promise<void> {
  const cadre = queue.cadre;
  if (!session.current || !cadre || dutyToggle.disabled) return;
  dutyToggle.disabled = true;
  try {
    const entry = await setDuty(session.token, cadre.id, !cadre.onDuty);
    queue.cadre = { ...(queue.cadre ?? cadre), onDuty: entry.onDuty, load: entry.load };
    renderHeader();
  } catch (err) {
    if (!session.handleAuthError(err)) setMessage(pageMessage, describeError(err), 'error');
  } finally {
    dutyToggle.disabled = false;
  }
}
