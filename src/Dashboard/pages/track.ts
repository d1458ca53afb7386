// Resident: follow one case through its tracking token, live. Shows the level it is handled at
// and its deadline counting down, the mode's steps and the resident's own steps
// (pages/track/steps.ts), the rating (rating.ts) and the video meeting (video.ts). A case merged
// into another follows that one; an unsatisfied rating shows the case reopened.
import { ApiError, describeError, getTrack } from '../lib/api';
import { residentActions } from '../lib/actions';
import { coalesce } from '../lib/coalesce';
import { relevantDeadline } from '../lib/deadlines';
import { byId, formatTime, setMessage } from '../lib/dom';
import { describeEvent } from '../lib/events';
import { showConnectionState, startLive } from '../lib/hub';
import { t } from '../lib/i18n';
import { closureText, kindText, levelText, modeText, ratingText, statusText } from '../lib/labels';
import { CommunityNames } from '../lib/names';
import { initPage } from '../lib/page';
import { SeqTracker } from '../lib/seq';
import { deadlineEl, startDeadlineTicker } from '../lib/ticker';
import { lastSeq, mergeEvents, renderTimeline } from '../lib/timeline';
import type { CaseUpdated, EventType, TrackView } from '../lib/types';
import { trackingToken, type MessageKind, type TrackPage } from './track/page';
import { Rating } from './track/rating';
import { ResidentSteps } from './track/steps';
import { Video } from './track/video';

const message = byId<HTMLParagraphElement>('track-message');
const summary = byId<HTMLElement>('case-summary');
const ratingSection = byId<HTMLElement>('rating-section');
const closedSection = byId<HTMLElement>('closed-section');
const timelineSection = byId<HTMLElement>('timeline-section');
const connectionState = byId<HTMLElement>('connection-state');

/** Events whose consequences (rating, closure, reopen count, merge) are not in the push: re-read. */
const REFETCH_ON: ReadonlySet<EventType> = new Set<EventType>(['rated', 'reopened', 'merged', 'closedNoResponse', 'reporterJoined']);

const seq = new SeqTracker();
/** The status line shown and the outcome of the last snapshot read (null when it succeeded). */
const status: { said: { words: () => string; kind: MessageKind } | null; loadError: unknown } = { said: null, loadError: null };

const page: TrackPage & { view: TrackView | null } = {
  token: trackingToken(window.location.pathname, window.location.search),
  names: new CommunityNames(),
  view: null,
  busy: false,
  take: (fresh) => {
    seq.snapshot(fresh.caseId, lastSeq(fresh.timeline));
    page.view = fresh;
  },
  render: () => render(),
  say: (words, kind = 'info') => {
    status.said = words ? { words, kind } : null;
    setMessage(message, words ? words() : null, kind);
  },
  refresh: () => refresh(),
};

/** Words for a level owner id, in the current language. */
const owner = (id: string): string => page.names.owner(id);
const steps = new ResidentSteps(page, owner);
const rating = new Rating(page);
const video = new Video(page);

const refresh = coalesce(async () => {
  const { token } = page;
  if (!token) return;
  try {
    const fresh = await getTrack(token);
    status.loadError = null;
    // A merge swaps the case this page follows: its seq starts afresh.
    if (page.view && fresh.caseId !== page.view.caseId) seq.clear();
    if (seq.snapshot(fresh.caseId, lastSeq(fresh.timeline))) {
      page.view = fresh;
      render();
      // Show names rather than ids once the community's description has arrived.
      if (fresh.communityId) void page.names.load(fresh.communityId).then(render);
    } else {
      // Live updates already went past this snapshot; ask again shortly.
      window.setTimeout(() => void refresh(), 1_000);
    }
    if (message.dataset['kind'] === 'error') page.say(null);
  } catch (err) {
    status.loadError = err;
    if (err instanceof ApiError && err.status === 404) {
      page.say(() => t('track.badLink'), 'error');
    } else if (!page.view) {
      page.say(() => describeError(err), 'error');
    }
  }
});

initPage(() => {
  if (status.said) setMessage(message, status.said.words(), status.said.kind);
  render();
});
void init();

async function init(): Promise<void> {
  rating.listen();
  steps.listen();
  video.listen();
  startDeadlineTicker();
  showConnectionState(connectionState, 'connecting');

  const { token } = page;
  if (!token) {
    page.say(() => t('track.noToken'), 'error');
    showConnectionState(connectionState, 'disconnected');
    return;
  }

  page.say(() => t('common.loading'));
  await refresh();
  if (status.loadError instanceof ApiError && status.loadError.status === 404) {
    showConnectionState(connectionState, 'disconnected');
    return; // a bad token: nothing to watch
  }
  if (!status.loadError) page.say(null);
  startLive({
    connectionState,
    on: { caseUpdated: (update: CaseUpdated) => applyUpdate(update) },
    watch: (connection) => connection.invoke('WatchCase', token),
    // Anything may have happened while we were not watching.
    onConnected: () => refresh(),
    onError: (err) => console.warn('WatchCase failed', err),
  });
}

function applyUpdate(update: CaseUpdated): void {
  const view = page.view;
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
  page.view = {
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
  if (update.event) byId('timeline-announcer').textContent = describeEvent(update.event, 'resident', { owner }).title;
  if (update.event && REFETCH_ON.has(update.event.type)) void refresh();
}

function render(): void {
  const v = page.view;
  if (!v) return;
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
  byId('case-category').textContent = v.category ? page.names.category(v.category) : t('common.none');
  byId('case-place').textContent = [v.compound ? page.names.compound(v.compound) : null, v.building ? t('track.building', { building: v.building }) : null]
    .filter(Boolean).join(' · ') || t('common.none');
  byId('case-mode').textContent = v.mode ? modeText(v.mode) : t('track.mode.undecided');
  byId('case-assignee').textContent = v.assignee ?? t('track.assignee.none');
  byId('case-level').textContent = levelText(v.level ?? 'community');
  const deadline = relevantDeadline(v, { resident: true });
  byId('case-deadline').replaceChildren(deadline ? deadlineEl(deadline, { resident: true, id: 'deadline' }) : t('common.none'));
  byId('case-submitted').textContent = formatTime(v.submittedAt) || t('common.none');

  renderNotices(v);
  steps.render(v);

  const actions = residentActions(v);
  ratingSection.hidden = !actions.includes('rate');
  const closed = v.status === 'closed';
  closedSection.hidden = !closed;
  closedSection.dataset['status'] = v.status;
  closedSection.dataset['closure'] = v.closure ?? '';
  byId('closed-text').textContent = v.closure === 'rated' ? t('track.closed.rated')
    : v.closure ? closureText(v.closure) : t('track.closed.plain');
  byId('closed-rating').textContent = v.rating && closed ? ` — ${ratingText(v.rating)}` : '';

  video.render(v);

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
