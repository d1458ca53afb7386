// Resident: follow one case through its tracking token, live. Shows the level it is handled at
// and its deadline counting down, the mode's steps, and the resident's own steps when they
// apply (consent to 代为办, confirm being led through, confirm receipt), then the rating. A
// case merged into another follows that one; an unsatisfied rating shows the case reopened.
import {
  ApiError, confirmTrackStep, describeError, getTrack, rateCase, type TrackStep,
} from '../lib/api';
import { residentActions, type ResidentAction } from '../lib/actions';
import { coalesce } from '../lib/coalesce';
import { relevantDeadline } from '../lib/deadlines';
import { bi, byId, formatTime, h, setMessage } from '../lib/dom';
import { describeEvent } from '../lib/events';
import { createHub, runHub, showConnectionState } from '../lib/hub';
import {
  closureLabel, kindLabel, levelLabel, modeLabel, ratingLabel, statusLabel, stepLabel, type Label,
} from '../lib/labels';
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
    if (message.dataset['kind'] === 'error') setMessage(message, null);
  } catch (err) {
    loadError = err;
    if (err instanceof ApiError && err.status === 404) {
      setMessage(message, '跟踪链接无效或已失效 · This tracking link is not valid.', 'error');
    } else if (!view) {
      setMessage(message, describeError(err), 'error');
    }
  }
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
  startDeadlineTicker();

  if (!token) {
    setMessage(message, '缺少跟踪编号，请打开提交后收到的链接 · The tracking link is incomplete.', 'error');
    showConnectionState(connectionState, 'disconnected');
    return;
  }

  setMessage(message, '正在加载… Loading…');
  await refresh();
  if (loadError instanceof ApiError && loadError.status === 404) {
    showConnectionState(connectionState, 'disconnected');
    return; // a bad token: nothing to watch
  }
  if (!loadError) setMessage(message, null);
  startLive(token);
}

function startLive(trackingToken: string): void {
  const connection = createHub();
  connection.on('caseUpdated', (update: CaseUpdated) => applyUpdate(update));
  runHub(connection, {
    onStateChange: (state) => showConnectionState(connectionState, state),
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
  if (update.event && REFETCH_ON.has(update.event.type)) void refresh();
}

function setLabel(id: string, label: Label): void {
  const el = byId(id);
  el.replaceChildren(label.en && label.en !== label.zh ? bi(label.zh, label.en) : label.zh);
}

const owner = (id: string): Label => names.owner(id);

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
  const status = statusLabel(v.status);
  pill.replaceChildren(bi(status.zh, status.en));

  byId('case-id').textContent = v.caseId;
  setLabel('case-kind', kindLabel(v.kind));
  byId('case-category').textContent = v.category ? names.category(v.category) : '—';
  byId('case-place').textContent = [v.compound ? names.compound(v.compound) : null, v.building ? `${v.building} 号楼 Bldg ${v.building}` : null]
    .filter(Boolean).join(' · ') || '—';
  setLabel('case-mode', v.mode ? modeLabel(v.mode) : { zh: '待定', en: 'Not decided yet' });
  setLabel('case-assignee', v.assignee ? { zh: v.assignee, en: '' } : { zh: '尚未派单', en: 'Not assigned yet' });
  setLabel('case-level', levelLabel(v.level ?? 'community'));
  const deadline = relevantDeadline(v, { resident: true });
  byId('case-deadline').replaceChildren(deadline ? deadlineEl(deadline, { resident: true, id: 'deadline' }) : '—');
  byId('case-submitted').textContent = formatTime(v.submittedAt) || '—';

  renderNotices(v);
  renderSteps(v);

  const actions = residentActions(v);
  ratingSection.hidden = !actions.includes('rate');
  const closed = v.status === 'closed';
  closedSection.hidden = !closed;
  closedSection.dataset['status'] = v.status;
  closedSection.dataset['closure'] = v.closure ?? '';
  const closure = v.closure ? closureLabel(v.closure) : null;
  byId('closed-text').replaceChildren(
    v.closure === 'rated' ? bi('已评价，诉求已关闭。感谢您的参与！', 'Rated and closed. Thank you!')
      : closure ? bi(closure.zh, closure.en)
        : bi('诉求已关闭。', 'This request is closed.'));
  const ratingEl = byId('closed-rating');
  if (v.rating && closed) {
    const label = ratingLabel(v.rating);
    ratingEl.replaceChildren(' — ', bi(label.zh, label.en));
  } else {
    ratingEl.replaceChildren();
  }

  timelineSection.hidden = false;
  byId('timeline').replaceChildren(renderTimeline(v.timeline, 'timeline-list', { audience: 'resident', owner }));
}

function renderNotices(v: TrackView): void {
  const merged = byId('merged-notice');
  merged.hidden = !v.mergedFrom;
  merged.dataset['mergedFrom'] = v.mergedFrom ?? '';
  merged.replaceChildren(...(v.mergedFrom ? [
    bi(`您提交的诉求（${v.mergedFrom}）已与同一事项的诉求合并办理，本页现在显示诉求 ${v.caseId} 的进度。`,
      `Your request (${v.mergedFrom}) was merged with one about the same matter; this page now follows case ${v.caseId}.`),
  ] : []));

  const reopened = byId('reopened-notice');
  const handling = v.status === 'accepted' || v.status === 'assigned' || v.status === 'acknowledged';
  const show = v.reopenCount > 0 && handling;
  reopened.hidden = !show;
  reopened.dataset['reopenCount'] = String(v.reopenCount ?? 0);
  if (show) {
    const level = levelLabel(v.level ?? 'community');
    reopened.replaceChildren(
      bi(`您上次评价不满意，诉求已重新办理（第 ${v.reopenCount} 次）。`,
        `You were not satisfied last time, so your request is being handled again (round ${v.reopenCount}).`),
      ...(v.level && v.level !== 'community'
        ? [h('span', {}, ' ', bi(`现由${level.zh}负责。`, `It is now with the ${level.en.toLowerCase()}.`))]
        : []),
    );
  } else {
    reopened.replaceChildren();
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
      const label = stepLabel(s.type);
      const state = s.done ? 'done' : s.next ? 'next' : 'later';
      return h('li', { class: 'step', 'data-step': s.type, 'data-done': String(s.done), 'data-state': state, 'data-taker': s.taker },
        h('span', { class: 'step-mark', 'aria-hidden': 'true' }, s.done ? '✓' : s.next ? '●' : '○'),
        h('span', { class: 'step-body' },
          bi(label.zh, label.en),
          s.event ? h('span', { class: 'muted' }, ' · ', formatTime(s.event.at)) : null));
    }));

  byId('resident-actions').replaceChildren(...actions.map((action) => residentStep(action, v)));
}

const STEP_BUTTONS: Record<TrackStep, { id: string; intro: Label; button: Label }> = {
  consent: {
    id: 'consent-button',
    intro: { zh: '这件事将由社区干部代您办理（代为办）。您同意的话，请点下面的按钮。', en: 'A cadre will handle this for you (代为办). If you agree, tap the button below.' },
    button: { zh: '我同意代为办理', en: 'I agree' },
  },
  'led-through': {
    id: 'led-through-button',
    intro: { zh: '干部陪您办完后，请点下面的按钮确认。', en: 'Once the cadre has led you through it, tap below to confirm.' },
    button: { zh: '已陪我办完', en: 'I was led through it' },
  },
  receipt: {
    id: 'receipt-button',
    intro: { zh: '收到干部交给您的办理结果后，请点下面的按钮确认。', en: 'Once you have the result from the cadre, tap below to confirm.' },
    button: { zh: '我已收到结果', en: 'I received the result' },
  },
};

function residentStep(action: TrackStep, v: TrackView): HTMLElement {
  const spec = STEP_BUTTONS[action];
  let detail: HTMLElement | null = null;
  const source = action === 'led-through' ? latest(v.timeline, 'accompanimentArranged')
    : action === 'receipt' ? latest(v.timeline, 'resultHandedOver') : null;
  if (source) {
    const d = describeEvent(source, 'resident', { owner });
    detail = h('p', { class: 'resident-step-detail' }, h('strong', {}, bi(d.title.zh, d.title.en)),
      d.note ? h('span', {}, ' — ', d.note) : null);
  }
  return h('div', { class: 'resident-step', 'data-step': action },
    detail,
    h('p', {}, bi(spec.intro.zh, spec.intro.en)),
    h('button', { type: 'button', id: spec.id, class: 'block big', 'data-action': action, disabled: busy },
      bi(spec.button.zh, spec.button.en)),
  );
}

const STEP_DONE: Record<TrackStep, Label> = {
  consent: { zh: '已同意，干部会尽快为您办理。', en: 'Thank you: the cadre will get on with it.' },
  'led-through': { zh: '已确认，谢谢！', en: 'Confirmed, thank you!' },
  receipt: { zh: '已确认收到，谢谢！', en: 'Receipt confirmed, thank you!' },
};

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
    const done = STEP_DONE[step];
    setMessage(message, `${done.zh} · ${done.en}`, 'ok');
  } catch (err) {
    busy = false;
    button.disabled = false;
    setMessage(message, describeError(err), 'error');
    if (err instanceof ApiError && err.status === 409) void refresh();
  }
}

async function submitRating(): Promise<void> {
  if (!token || ratingSubmit.disabled) return;
  byId('error-rating').textContent = '';
  byId('error-comment').textContent = '';
  const checked = ratingForm.querySelector<HTMLInputElement>('input[name="rating"]:checked');
  if (!checked) {
    byId('error-rating').textContent = '请选择一项 · Choose one.';
    return;
  }
  const rating = checked.value as Rating;
  const comment = byId<HTMLTextAreaElement>('rating-comment').value.trim();
  const expectedSeq = view ? lastSeq(view.timeline) : undefined;

  ratingSubmit.disabled = true;
  try {
    const fresh = await rateCase(token, comment ? { rating, comment, expectedSeq } : { rating, expectedSeq });
    seq.snapshot(fresh.caseId, lastSeq(fresh.timeline));
    view = fresh;
    ratingForm.reset();
    render();
    setMessage(message, rating === 'unsatisfied'
      ? '已收到您的评价，诉求将重新办理 · Thank you: your request will be handled again.'
      : '感谢您的评价 · Thank you for your rating.', 'ok');
  } catch (err) {
    if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
      for (const [path, messages] of Object.entries(err.fieldErrors)) {
        const slot = path === 'comment' ? byId('error-comment') : byId('error-rating');
        slot.textContent = messages.join(' ');
      }
    } else {
      setMessage(message, describeError(err), 'error');
      if (err instanceof ApiError && err.status === 409) void refresh();
    }
  } finally {
    ratingSubmit.disabled = false;
  }
}
