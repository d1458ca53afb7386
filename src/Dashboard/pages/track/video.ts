// The resident's video meeting, as the timeline tells it: ask for one (a note and up to three
// times, `POST /api/v1/cases/{caseId}/video-petitions`), then see it requested, scheduled (its
// time and join link) or held (its outcome).
import { ApiError, describeError, request } from '../../lib/api';
import { localInputToIso } from '../../lib/datetime';
import { byId, h } from '../../lib/dom';
import { noteTime, safeHref } from '../../lib/events';
import { t } from '../../lib/i18n';
import type { CaseEvent, TrackView } from '../../lib/types';
import type { TrackPage } from './page';

export type VideoState = 'none' | 'requested' | 'scheduled' | 'held';

/** The newest video-meeting event, and what it means; `justRequested` until the timeline shows the request. */
export function videoState(timeline: readonly CaseEvent[], justRequested: boolean): { state: VideoState; last: CaseEvent | null } {
  const last = timeline.reduce<CaseEvent | null>(
    (a, e) => (e.type.startsWith('videoPetition') && (!a || e.seq > a.seq) ? e : a), null);
  const state = last?.type === 'videoPetitionScheduled' ? 'scheduled'
    : last?.type === 'videoPetitionHeld' ? 'held'
      : last?.type === 'videoPetitionRequested' || (justRequested && !last) ? 'requested' : 'none';
  return { state, last };
}

export class Video {
  private readonly form = byId<HTMLFormElement>('video-request-form');
  /** Set after a 201 until the timeline shows the request. */
  private requested = false;

  constructor(private readonly page: TrackPage) {}

  listen(): void {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.request();
    });
    this.form.addEventListener('input', (event) => {
      const target = event.target as HTMLElement | null;
      if (target?.id === 'video-note') { byId('error-video-note').textContent = ''; target.removeAttribute('aria-invalid'); }
      if (target?.id.startsWith('video-slot')) byId('error-video-slots').textContent = '';
    });
  }

  render(v: TrackView): void {
    const { token } = this.page;
    const section = byId('video-section');
    const closed = v.status === 'closed';
    const { state, last } = videoState(v.timeline, this.requested);
    section.hidden = closed && !last;
    if (last) this.requested = false;
    section.dataset['videoState'] = state;
    const parts: Node[] = [];
    if (state === 'requested') {
      parts.push(h('p', { id: 'video-requested', class: 'message', 'data-kind': 'ok' }, t(this.requested ? 'track.video.requested' : 'track.video.pending')));
    } else if (state === 'scheduled' && last) {
      const [when = '', ...rest] = (last.note ?? '').split(' · ');
      const whenText = [noteTime(when) ?? when, ...rest].filter(Boolean).join(' · ');
      // The token rides in the fragment: no server log or referrer sees it (pages/video.ts reads it).
      const href = safeHref(last.reference) && token ? `${safeHref(last.reference)}#t=${encodeURIComponent(token)}` : null;
      parts.push(h('p', { id: 'video-scheduled', class: 'message', 'data-kind': 'info' }, t('track.video.scheduled', { when: whenText })));
      if (href) parts.push(h('p', {}, h('a', { id: 'video-join-link', class: 'button', href, target: '_blank', rel: 'noopener noreferrer' }, t('track.video.join'))));
    } else if (state === 'held' && last) {
      parts.push(h('p', { id: 'video-held', class: 'message', 'data-kind': 'ok' }, t('track.video.held'),
        last.note ? ` ${t('track.video.outcome', { outcome: last.note })}` : ''));
    }
    byId('video-status').replaceChildren(...parts);
    // A new request only when none is open and the case is still open.
    this.form.hidden = closed || state === 'requested' || state === 'scheduled';
  }

  private async request(): Promise<void> {
    const { token, view } = this.page;
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
    for (const input of Array.from(this.form.querySelectorAll<HTMLInputElement>('input[type="datetime-local"]'))) {
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
      this.requested = true;
      this.form.reset();
      this.page.render();
      byId('video-heading').scrollIntoView({ block: 'nearest' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && Object.keys(err.fieldErrors).length > 0) {
        for (const [path, messages] of Object.entries(err.fieldErrors)) {
          (path === 'note' ? errorNote : path.startsWith('slots') ? errorSlots : errorAll).textContent = messages.join(' ');
        }
      } else {
        errorAll.textContent = describeError(err);
        if (err instanceof ApiError && err.status === 409) void this.page.refresh();
      }
    } finally {
      submitButton.disabled = false;
    }
  }
}
