// Resident: follow one case through its tracking token, live. Shows the level it is handled at
// and its deadline counting down, the mode's steps, and the resident's own steps when they
// apply (consent to 代为办, confirm being led through, confirm receipt), then the rating. A
// case merged into another follows that one; an unsatisfied rating shows the case reopened.
import {
  ApiError, confirmTrackStep, describeError, getTrack, rateCase, request, type TrackStep,
} from '../lib/api';
import { residentActions, type ResidentAction } from '../lib/actions';
import { coalesce } from '../lib/coalesce';
import { relevantDeadline } from '../lib/deadlines';
import { localInputToIso } from '../lib/datetime';
import { byId, formatTime, h, setMessage } from '../lib/dom';
import { describeEvent, noteTime, safeHref } from '../lib/events';
import { createHub, runHub, showConnectionState } from '../lib/hub';
import { t } from '../lib/i18n';
import {
  closureText, kindText, levelText, modeText, ratingText, statusText, stepText,
  type ConnectionState,
} from '../lib/labels';
import { initPage } from '../lib/page';
import { SeqTracker } from '../lib/seq';
import { CommunityNames } from '../lib/names';
import { modeProgress } from '../lib/steps';
import { deadlineEl, startDeadlineTicker } from '../lib/ticker';
import { lastSeq, mergeEvents, renderTimeline } from '../lib/timeline';
import type { CaseEvent, CaseUpdated, EventType, Rating, TrackView } from '../lib/types';

const message = byId<HTMLParagraphElement>('track-message');
const summary = byId<HTMLElement>('case-summary');
const ratingSection = byId<HTMLElement>('rating-section');
const ratingForm = byId<HTMLFormElement>('rating-form');
const ratingSubmit = byId<HTMLButtonElement>('rating-submit');
const closedSection = byId<HTMLElement>('closed-section');
const stepsSection = byId<HTMLElement>('steps-section');
const timelineSection = byId<HTMLElement>('timeline-section');
const connectionState = byId<HTMLElement>('connection-state');

/** Events whose consequences (rating, closure, reopen count, merge) are not in the push: re-read. */
const REFETCH_ON: ReadonlySet<EventType> = new Set<EventType>(['rated', 'reopened', 'merged', 'closedNoResponse', 'reporterJoined']);

const token = trackingTokenFromLocation();
const seq = new SeqTracker();
const names = new CommunityNames();
let view: TrackView | null = null;
let busy = false;
let connection: ConnectionState = 'connecting';
/** The status line as a function of the language, so a switch says it again. */
let lastMessage: { words: () => string; kind: 'info' | 'error' | 'ok' } | null = null;
/** Set after a 201 until the timeline shows the request. */
let videoRequested = false;

function say(words: (() => string) | null, kind: 'info' | 'error' | 'ok' = 'info'): void {
  lastMessage = words ? { words, kind } : null;
  setMessage(message, words ? words() : null, kind);
}

function setConnection(state: ConnectionState): void {
  connection = state;
  showConnectionState(connectionState, state);
}

/** The outcome of the last snapshot fetch (null when it succeeded). */
let loadError: unknown = null;

const refresh = coalesce(async () => {
  if (!token) return;
  try {
    const fresh = await getTrack(token);
    loadError = null;
    // A merge swaps the case this page follows: its seq starts afresh.
    if (view && fresh.caseId !== view.caseId) seq.clear();
    if (seq.snapshot(fresh.caseId, lastSeq(fresh.timeline))) {
      view = fresh;
      render();
      if (fresh.communityId) {
        // Show names rather than ids once the community's description has arrived.
        void names.load(fresh.communityId).then(render);
      }
    } else {
      // Live updates already went past this snapshot; ask again shortly.
      window.setTimeout(() => void refresh(), 1_000);
    }
    if (message.dataset['kind'] === 'error') say(null);
  } catch (err) {
    loadError = err;
    if (err instanceof ApiError && err.status === 404) {
      say(() => t('track.badLink'), 'error');
    } else if (!view) {
      say(() => describeError(err), 'error');
    }
  }
});

initPage(() => {
  showConnectionState(connectionState, connection);
  if (lastMessage) setMessage(message, lastMessage.words(), lastMessage.kind);
  render();
});
void init();

/** The token is the last path segment of `/track/{token}` (or `?token=` on the dev server). */
function trackingTokenFromLocation(): string | null {
  const match = /\/track\/([^/?#]+)\/?$/.exec(window.location.pathname);
  const raw = match?.[1] ?? new URLSearchParams(window.location.search).get('token');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function init(): Promise<void> {
  ratingForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void submitRating();
  });
  ratingForm.addEventListener('change', () => { byId('error-rating').textContent = ''; });
  byId('resident-actions').addEventListener('click', (event) => {
    const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('button[data-action]');
    const step = button?.dataset['action'];
    if (button && (step === 'consent' || step === 'led-through' || step === 'receipt')) void confirmStep(step, button);
  });
  byId<HTMLFormElement>('video-request-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void requestVideo();
  });
  byId('video-request-form').addEventListener('input', (event) => {
    const target = event.target as HTMLElement | null;
    if (target?.id === 'video-note') { byId('error-video-note').textContent = ''; target.removeAttribute('aria-invalid'); }
    if (target?.id.startsWith('video-slot')) byId('error-video-slots').textContent = '';
  });
  startDeadlineTicker();
  setConnection('connecting');

  if (!token) {
    say(() => t('track.noToken'), 'error');
    setConnection('disconnected');
    return;
  }

  say(() => t('common.loading'));
  await refresh();
  if (loadError instanceof ApiError && loadError.status === 404) {
    setConnection('disconnected');
    return; // a bad token: nothing to watch
  }
  if (!loadError) say(null);
  startLive(token);
}

function startLive(trackingToken: string): void {
  const connection = createHub();
  connection.on('caseUpdated', (update: CaseUpdated) => applyUpdate(update));
  runHub(connection, {
    onStateChange: (state) => setConnection(state),
    onConnected: async () => {
      await connection.invoke('WatchCase', trackingToken);
      // Anything may have happened while we were not watching.
      await refresh();
    },
    onError: (err) => console.warn('WatchCase failed', err),
  });
}

function applyUpdate(update: CaseUpdated): void {
  if (!view) {
    void refresh();
    return;
  }
  if (update.caseId !== view.caseId) return;
  const verdict = seq.observe(update.caseId, update.seq);
  if (verdict === 'gap') {
    void refresh();
    return;
  }
  if (verdict === 'stale') return;
  view = {
    ...view,
    status: update.status,
    mode: update.mode ?? view.mode,
    assignee: update.assignee ?? null,
    level: update.level ?? view.level,
    deadlines: update.deadlines ?? view.deadlines,
    timeline: update.event ? mergeEvents(view.timeline, [update.event]) : view.timeline,
  };
  render();
  // Screen readers hear the new step once, not the whole list again.
  if (update.event) {
    const latestEvent = update.event;
    byId('timeline-announcer').textContent = describeEvent(latestEvent, 'resident', { owner }).title;
  }
  if (update.event && REFETCH_ON.has(update.event.type)) void refresh();
}

/** Words for a level owner id, in the current language. */
const owner = (id: string): string => names.owner(id);

function render(): void {
  if (!view) return;
  const v = view;
  summary.hidden = false;
  summary.dataset['status'] = v.status;
  summary.dataset['caseId'] = v.caseId;
  summary.dataset['level'] = v.level ?? 'community';
  delete summary.dataset['deadlineState'];
  document.body.dataset['status'] = v.status;

  const pill = byId('case-status');
  pill.dataset['status'] = v.status;
  pill.textContent = statusText(v.status);

  byId('case-id').textContent = v.caseId;
  byId('case-kind').textContent = kindText(v.kind);
  byId('case-category').textContent = v.category ? names.category(v.category) : t('common.none');
  byId('case-place').textContent = [v.compound ? names.compound(v.compound) : null, v.building ? t('track.building', { building: v.building }) : null]
    .filter(Boolean).join(' · ') || t('common.none');
  byId('case-mode').textContent = v.mode ? modeText(v.mode) : t('track.mode.undecided');
  byId('case-assignee').textContent = v.assignee ?? t('track.assignee.none');
  byId('case-level').textContent = levelText(v.level ?? 'community');
  const deadline = relevantDeadline(v, { resident: true });
  byId('case-deadline').replaceChildren(deadline ? deadlineEl(deadline, { resident: true, id: 'deadline' }) : t('common.none'));
  byId('case-submitted').textContent = formatTime(v.submittedAt) || t('common.none');

  renderNotices(v);
  renderSteps(v);

  const actions = residentActions(v);
  ratingSection.hidden = !actions.includes('rate');
  const closed = v.status === 'closed';
  closedSection.hidden = !closed;
  closedSection.dataset['status'] = v.status;
  closedSection.dataset['closure'] = v.closure ?? '';
  byId('closed-text').textContent = v.closure === 'rated' ? t('track.closed.rated')
    : v.closure ? closureText(v.closure) : t('track.closed.plain');
  byId('closed-rating').textContent = v.rating && closed ? ` — ${ratingText(v.rating)}` : '';

  renderVideo(v);

  timelineSection.hidden = false;
  byId('timeline').replaceChildren(renderTimeline(v.timeline, 'timeline-list', { audience: 'resident', owner }));
}

function renderNotices(v: TrackView): void {
  const merged = byId('merged-notice');
  merged.hidden = !v.mergedFrom;
  merged.dataset['mergedFrom'] = v.mergedFrom ?? '';
  merged.textContent = v.mergedFrom ? t('track.merged', { from: v.mergedFrom, caseId: v.caseId }) : '';

  const reopened = byId('reopened-notice');
  const handling = v.status === 'accepted' || v.status === 'assigned' || v.status === 'acknowledged';
  const show = v.reopenCount > 0 && handling;
  reopened.hidden = !show;
  reopened.dataset['reopenCount'] = String(v.reopenCount ?? 0);
  reopened.textContent = !show ? ''
    : [t('track.reopened', { count: v.reopenCount }),
      v.level && v.level !== 'community' ? t('track.reopened.level', { level: levelText(v.level) }) : null,
    ].filter(Boolean).join(' ');
}

/** The video meeting as the timeline tells it: requested, scheduled (join link) or held (outcome). */
function renderVideo(v: TrackView): void {
  const section = byId('video-section');
  const status = byId('video-status');
  const form = byId<HTMLFormElement>('video-request-form');
  const last = v.timeline.reduce<CaseEvent | null>(
    (a, e) => (e.type.startsWith('videoPetition') && (!a || e.seq > a.seq) ? e : a), null);
  const closed = v.status === 'closed';
  section.hidden = closed && !last;
  if (last) videoRequested = false;
  const state = last?.type === 'videoPetitionScheduled' ? 'scheduled'
    : last?.type === 'videoPetitionHeld' ? 'held'
      : last?.type === 'videoPetitionRequested' || (videoRequested && last?.type !== 'videoPetitionCancelled') ? 'requested' : 'none';
  section.dataset['videoState'] = state;
  const parts: Node[] = [];
  if (state === 'requested') {
    parts.push(h('p', { id: 'video-requested', class: 'message', 'data-kind': 'ok' }, t(videoRequested ? 'track.video.requested' : 'track.video.pending')));
  } else if (state === 'scheduled' && last) {
    const [when = '', ...rest] = (last.note ?? '').split(' · ');
    const whenText = [noteTime(when) ?? when, ...rest].filter(Boolean).join(' · ');
    const href = safeHref(last.reference);
    parts.push(h('p', { id: 'video-scheduled', class: 'message', 'data-kind': 'info' }, t('track.video.scheduled', { when: whenText })));
    if (href) parts.push(h('p', {}, h('a', { id: 'video-join-link', class: 'button', href, target: '_blank', rel: 'noopener noreferrer' }, t('track.video.join'))));
  } else if (state === 'held' && last) {
    parts.push(h('p', { id: 'video-held', class: 'message', 'data-kind': 'ok' }, t('track.video.held'),
      last.note ? ` ${t('track.video.outcome', { outcome: last.note })}` : ''));
  }
  status.replaceChildren(...parts);
  // A new request only when none is open and the case is still open.
  form.hidden = closed || state === 'requested' || state === 'scheduled';
}

async function requestVideo(): Promise<void> {
  if (!token || !view) return;
  const noteEl = byId<HTMLTextAreaElement>('video-note');
  const submitButton = byId<HTMLButtonElement>('video-submit');
  const errorNote = byId('error-video-note');
  const errorSlots = byId('error-video-slots');
  const errorAll = byId('error-video');
  errorNote.textContent = '';
  errorSlots.textContent = '';
  errorAll.textContent = '';
  noteEl.removeAttribute('aria-invalid');
  const note = noteEl.value.trim();
  if (!note) {
    errorNote.textContent = t('track.video.noteMissing');
    noteEl.setAttribute('aria-invalid', 'true');
    noteEl.focus();
    return;
  }
  const slots: string[] = [];
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('#video-request-form input[type="datetime-local"]'))) {
    if (!input.value) continue;
    const iso = localInputToIso(input.value);
    if (!iso || Date.parse(iso) <= Date.now()) {
      errorSlots.textContent = t('track.video.slotPast');
      input.focus();
      return;
    }
    slots.push(iso);
  }
  submitButton.disabled = true;
  try {
    await request(`/api/v1/cases/${encodeURIComponent(view.caseId)}/video-petitions`, {
      method: 'POST',
      body: { note, ...(slots.length > 0 ? { slots } : {}), trackingToken: token },
    });
    videoRequested = true;
    byId<HTMLFormElement>('video-request-form').reset();
    render();
    byId('video-heading').scrollIntoView({ block: 'nearest' });
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
      for (const [path, messages] of Object.entries(err.fieldErrors)) {
        (path === 'note' ? errorNote : path.startsWith('slots') ? errorSlots : errorAll).textContent = messages.join(' ');
      }
    } else {
      errorAll.textContent = describeError(err);
      if (err instanceof ApiError && err.status === 409) void refresh();
    }
  } finally {
    submitButton.disabled = false;
  }
}

/** The latest event of a type in the current round, for the words above a button. */
function latest(timeline: readonly CaseEvent[], type: EventType): CaseEvent | null {
  return timeline.reduce<CaseEvent | null>((a, e) => (e.type === type && (!a || e.seq > a.seq) ? e : a), null);
}

function renderSteps(v: TrackView): void {
  const actions = residentActions(v).filter((a): a is Exclude<ResidentAction, 'rate'> => a !== 'rate');
  const inProgress = v.status === 'assigned' || v.status === 'acknowledged';
  const stepped = v.mode === 'leadThrough' || v.mode === 'doForYou';
  stepsSection.hidden = !(v.mode && (actions.length > 0 || (inProgress && stepped)));
  stepsSection.dataset['mode'] = v.mode ?? '';
  if (stepsSection.hidden || !v.mode) return;

  const progress = modeProgress(v.mode, v.timeline);
  byId('mode-steps').replaceChildren(...progress.steps
    .filter((s) => !s.optional || s.done)
    .map((s) => {
      const state = s.done ? 'done' : s.next ? 'next' : 'later';
      return h('li', { class: 'step', 'data-step': s.type, 'data-done': String(s.done), 'data-state': state, 'data-taker': s.taker },
        h('span', { class: 'step-mark', 'aria-hidden': 'true' }, s.done ? '✓' : s.next ? '●' : '○'),
        h('span', { class: 'step-body' },
          stepText(s.type),
          s.event ? h('span', { class: 'muted' }, ' · ', formatTime(s.event.at)) : null));
    }));

  byId('resident-actions').replaceChildren(...actions.map((action) => residentStep(action, v)));
}

/** Resource keys (under `track.`) of the resident's own steps: intro, button, thanks. */
const STEP_KEYS: Record<TrackStep, { id: string; key: string }> = {
  consent: { id: 'consent-button', key: 'consent' },
  'led-through': { id: 'led-through-button', key: 'ledThrough' },
  receipt: { id: 'receipt-button', key: 'receipt' },
};

function residentStep(action: TrackStep, v: TrackView): HTMLElement {
  const spec = STEP_KEYS[action];
  let detail: HTMLElement | null = null;
  const source = action === 'led-through' ? latest(v.timeline, 'accompanimentArranged')
    : action === 'receipt' ? latest(v.timeline, 'resultHandedOver') : null;
  if (source) {
    const d = describeEvent(source, 'resident', { owner });
    detail = h('p', { class: 'resident-step-detail' }, h('strong', {}, d.title),
      d.note ? h('span', {}, ' — ', d.note) : null);
  }
  return h('div', { class: 'resident-step', 'data-step': action },
    detail,
    h('p', {}, t(`track.${spec.key}.intro`)),
    h('button', { type: 'button', id: spec.id, class: 'block big', 'data-action': action, disabled: busy },
      t(`track.${spec.key}.button`)),
  );
}

async function confirmStep(step: TrackStep, button: HTMLButtonElement): Promise<void> {
  if (!token || !view || busy) return;
  busy = true;
  button.disabled = true;
  try {
    const fresh = await confirmTrackStep(token, step, { expectedSeq: lastSeq(view.timeline) });
    seq.snapshot(fresh.caseId, lastSeq(fresh.timeline));
    view = fresh;
    busy = false;
    render();
    say(() => t(`track.${STEP_KEYS[step].key}.done`), 'ok');
  } catch (err) {
    busy = false;
    button.disabled = false;
    say(() => describeError(err), 'error');
    if (err instanceof ApiError && err.status === 409) void refresh();
  }
}

async function submitRating(): Promise<void> {
  if (!token || ratingSubmit.disabled) return;
  byId('error-rating').textContent = '';
  byId('error-comment').textContent = '';
  const checked = ratingForm.querySelector<HTMLInputElement>('input[name="rating"]:checked');
  if (!checked) {
    byId('error-rating').textContent = t('track.rating.choose');
    return;
  }
  const rating = checked.value as Rating;
  const comment = byId<HTMLTextAreaElement>('rating-comment').value.trim();
  const expectedSeq = view ? lastSeq(view.timeline) : undefined;

  ratingSubmit.disabled = true;
  try {
    const fresh = await rateCase(token, { rating, comment: comment || null, expectedSeq });
    seq.snapshot(fresh.caseId, lastSeq(fresh.timeline));
    view = fresh;
    ratingForm.reset();
    render();
    say(() => t(rating === 'unsatisfied' ? 'track.rating.reopened' : 'track.rating.thanks'), 'ok');
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
      for (const [path, messages] of Object.entries(err.fieldErrors)) {
        const slot = path === 'comment' ? byId('error-comment') : byId('error-rating');
        slot.textContent = messages.join(' ');
      }
    } else {
      say(() => describeError(err), 'error');
      if (err instanceof ApiError && err.status === 409) void refresh();
    }
  } finally {
    ratingSubmit.disabled = false;
  }
}
