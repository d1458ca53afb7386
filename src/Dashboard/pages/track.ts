// Resident: follow one case through its tracking token, live.
import { ApiError, describeError, getTrack, rateCase } from '../lib/api';
import { coalesce } from '../lib/coalesce';
import { bi, byId, formatTime, setMessage } from '../lib/dom';
import { createHub, runHub, showConnectionState } from '../lib/hub';
import { kindLabel, modeLabel, ratingLabel, statusLabel, type Label } from '../lib/labels';
import { SeqTracker } from '../lib/seq';
import { CommunityNames } from '../lib/names';
import { lastSeq, mergeEvents, renderTimeline } from '../lib/timeline';
import type { CaseUpdated, Rating, TrackView } from '../lib/types';

const message = byId<HTMLParagraphElement>('track-message');
const summary = byId<HTMLElement>('case-summary');
const ratingSection = byId<HTMLElement>('rating-section');
const ratingForm = byId<HTMLFormElement>('rating-form');
const ratingSubmit = byId<HTMLButtonElement>('rating-submit');
const closedSection = byId<HTMLElement>('closed-section');
const timelineSection = byId<HTMLElement>('timeline-section');
const connectionState = byId<HTMLElement>('connection-state');

const SEQ_KEY = 'case';
const token = trackingTokenFromLocation();
const seq = new SeqTracker();
const names = new CommunityNames();
let view: TrackView | null = null;
let justRated: Rating | null = null;

/** The outcome of the last snapshot fetch (null when it succeeded). */
let loadError: unknown = null;

const refresh = coalesce(async () => {
  if (!token) return;
  try {
    const fresh = await getTrack(token);
    loadError = null;
    if (seq.snapshot(SEQ_KEY, lastSeq(fresh.timeline))) {
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
  const verdict = seq.observe(SEQ_KEY, update.seq);
  if (verdict === 'gap') {
    void refresh();
    return;
  }
  if (verdict === 'stale') return;
  view = {
    ...view,
    status: update.status,
    mode: update.mode ?? view.mode,
    assignee: update.assignee ?? view.assignee,
    timeline: update.event ? mergeEvents(view.timeline, [update.event]) : view.timeline,
  };
  render();
}

function setLabel(id: string, label: Label): void {
  const el = byId(id);
  el.replaceChildren(label.en && label.en !== label.zh ? bi(label.zh, label.en) : label.zh);
}

function render(): void {
  if (!view) return;
  const v = view;
  summary.hidden = false;
  summary.dataset['status'] = v.status;
  summary.dataset['caseId'] = v.caseId;
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
  byId('case-submitted').textContent = formatTime(v.submittedAt) || '—';

  const shownRating = v.rating ?? justRated;
  const hasRated = Boolean(shownRating) || v.timeline.some((e) => e.type === 'rated');
  const closed = v.status === 'closed';
  ratingSection.hidden = v.status !== 'resolved' || hasRated;
  closedSection.hidden = !hasRated && !closed;
  closedSection.dataset['status'] = v.status;
  byId('closed-text').replaceChildren(
    hasRated && closed ? bi('已评价，诉求已关闭。感谢您的参与！', 'Rated and closed. Thank you!')
      : hasRated ? bi('已评价，感谢您的参与！', 'Rated. Thank you!')
        : bi('诉求已关闭。', 'This request is closed.'));
  const ratingEl = byId('closed-rating');
  if (shownRating) {
    const label = ratingLabel(shownRating);
    ratingEl.replaceChildren(' — ', bi(label.zh, label.en));
  } else {
    ratingEl.replaceChildren();
  }

  timelineSection.hidden = false;
  byId('timeline').replaceChildren(renderTimeline(v.timeline, 'timeline-list'));
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

  ratingSubmit.disabled = true;
  try {
    const fresh = await rateCase(token, comment ? { rating, comment } : { rating });
    justRated = rating;
    seq.snapshot(SEQ_KEY, lastSeq(fresh.timeline));
    view = fresh;
    render();
    setMessage(message, '感谢您的评价 · Thank you for your rating.', 'ok');
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
